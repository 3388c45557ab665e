package dev.oauthagent.agent.instrument.jul;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence, read from this JDK's own class files, that {@code StreamHandler.setOutputStream} is the funnel the
 * hook relies on: the handler writes only through its private {@code writer}, built over its private
 * {@code output}, and only setOutputStream stores a stream the caller chose. (setEncoding rebuilds the writer
 * over the same, already wrapped, output; close and rotation store null.) CI runs this on JDK 17 and 25.
 */
class JulInstrumentationTest {

    @Test
    void onlySetOutputStreamStoresANewOutputStreamInStreamHandler() throws Exception {
        Set<String> storesOutput = methodsStoring("output");

        assertThat(storesOutput).containsExactlyInAnyOrder("setOutputStream", "flushAndClose");
        assertThat(storesNull("flushAndClose", "output")).isTrue();
    }

    @Test
    void theWriterIsBuiltOnlyOverTheStoredOutput() throws Exception {
        // setOutputStream and setEncoding build an OutputStreamWriter over this.output; flushAndClose nulls it.
        assertThat(methodsStoring("writer")).containsExactlyInAnyOrder("setOutputStream", "setEncoding",
                "flushAndClose");
        assertThat(storesNull("flushAndClose", "writer")).isTrue();
    }

    /** Names of StreamHandler's methods with a PUTFIELD of its own field {@code field}. */
    private static Set<String> methodsStoring(String field) throws Exception {
        Set<String> methods = new TreeSet<>();
        reader().accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTFIELD && owner.equals("java/util/logging/StreamHandler")
                                && fieldName.equals(field)) {
                            methods.add(name);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return methods;
    }

    /** Whether every PUTFIELD of {@code field} in {@code method} stores the constant null. */
    private static boolean storesNull(String method, String field) throws Exception {
        boolean[] onlyNull = {true};
        reader().accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    private boolean lastWasNull;

                    @Override
                    public void visitInsn(int opcode) {
                        lastWasNull = opcode == Opcodes.ACONST_NULL;
                    }

                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        lastWasNull = false;
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTFIELD && fieldName.equals(field) && !lastWasNull) {
                            onlyNull[0] = false;
                        }
                        lastWasNull = false;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        lastWasNull = false;
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return onlyNull[0];
    }

    private static ClassReader reader() throws Exception {
        byte[] bytes = ClassFileLocator.ForClassLoader.ofBootLoader().locate(JulInstrumentation.TARGET).resolve();
        return new ClassReader(bytes);
    }
}
