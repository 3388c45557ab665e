package dev.oauthagent.agent.instrument.juli;

import dev.oauthagent.agent.instrument.HookPoint;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites a method so that every {@code new OutputStreamWriter(stream, ...)} in it is given
 * {@code LogFileAdvice.scrubbing(stream)} instead of {@code stream}: everything the writer encodes then passes
 * the redactor as bytes, just before it reaches the stream. Used on JULI's {@code FileHandler.openWriter},
 * which opens the log file and builds its writer in local variables, out of reach of advice.
 *
 * <p>Only the stream argument changes: a call before the constructor, with one {@code SWAP} around it when
 * the encoding (a String or a Charset, one stack slot either way) lies above the stream. No branch, no new
 * local, so stack map frames stay valid as they are.
 */
final class WriterStreamWrapping implements HookPoint.MethodRewrite {
    static final String WRITER = "java/io/OutputStreamWriter";
    static final String HOOK_OWNER = "dev/oauthagent/bootstrap/LogFileAdvice";
    static final String HOOK_NAME = "scrubbing";
    static final String HOOK_DESCRIPTOR = "(Ljava/io/OutputStream;)Ljava/io/OutputStream;";
    private static final String STREAM_ONLY = "(Ljava/io/OutputStream;)V";
    private static final String STREAM_AND_ENCODING = "(Ljava/io/OutputStream;Ljava/lang/String;)V";
    private static final String STREAM_AND_CHARSET = "(Ljava/io/OutputStream;Ljava/nio/charset/Charset;)V";

    @Override
    public MethodVisitor wrap(MethodVisitor next) {
        return new Rewriter(next);
    }

    private static final class Rewriter extends MethodVisitor {
        Rewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && owner.equals(WRITER) && name.equals("<init>")) {
                if (descriptor.equals(STREAM_ONLY)) {
                    wrapStream();
                } else if (descriptor.equals(STREAM_AND_ENCODING) || descriptor.equals(STREAM_AND_CHARSET)) {
                    super.visitInsn(Opcodes.SWAP);
                    wrapStream();
                    super.visitInsn(Opcodes.SWAP);
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        private void wrapStream() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK_OWNER, HOOK_NAME, HOOK_DESCRIPTOR, false);
        }
    }
}
