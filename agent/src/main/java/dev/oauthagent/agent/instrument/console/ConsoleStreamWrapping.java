package dev.oauthagent.agent.instrument.console;

import dev.oauthagent.agent.instrument.HookPoint;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites a method so that the stream of every {@code new FileOutputStream(FileDescriptor.out)} in it is passed
 * through {@code LogFileAdvice.terminal(stream)} as soon as it is constructed: one call on the stream left on the
 * operand stack, whose result the following code (the console's {@code StreamEncoder.forOutputStreamWriter}
 * call, which takes an {@code OutputStream}) uses instead. No branch, no new local: stack map frames stay valid.
 */
final class ConsoleStreamWrapping implements HookPoint.MethodRewrite {
    static final String HOOK_OWNER = "dev/oauthagent/bootstrap/LogFileAdvice";
    static final String HOOK_NAME = "terminal";
    static final String HOOK_DESCRIPTOR = "(Ljava/io/OutputStream;)Ljava/io/OutputStream;";

    @Override
    public MethodVisitor wrap(MethodVisitor next) {
        return new Rewriter(next);
    }

    private static final class Rewriter extends MethodVisitor {
        /** The last instruction pushed {@code FileDescriptor.out}: the next stream constructed is the console's. */
        private boolean stdoutDescriptor;

        Rewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            stdoutDescriptor = opcode == Opcodes.GETSTATIC && owner.equals("java/io/FileDescriptor")
                    && name.equals("out");
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (stdoutDescriptor && opcode == Opcodes.INVOKESPECIAL && owner.equals("java/io/FileOutputStream")
                    && name.equals("<init>") && descriptor.equals("(Ljava/io/FileDescriptor;)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK_OWNER, HOOK_NAME, HOOK_DESCRIPTOR, false);
            }
            stdoutDescriptor = false;
        }
    }
}
