package dev.oauthagent.agent.instrument.juli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.juli.AsyncFileHandler;
import org.apache.juli.FileHandler;
import org.junit.jupiter.api.Test;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Evidence, read from the class files of the JULI on the class path ({@code -Dtomcat.version=V} picks another),
 * that {@code FileHandler.openWriter} is the one funnel the hook relies on: it is the only method that opens a
 * file or builds a writer, and AsyncFileHandler opens and builds nothing of its own. Read for 9.0.98, 10.1.34
 * and 11.0.27.
 */
class FileHandlerFunnelTest {

    @Test
    void onlyOpenWriterBuildsTheWriterOrOpensAFile() throws Exception {
        // Two calls in openWriter: with and without the handler's encoding.
        assertThat(methodsCalling(FileHandler.class, "java/io/OutputStreamWriter", "<init>")).isNotEmpty()
                .containsOnly(JuliInstrumentation.METHOD);
        assertThat(methodsCalling(FileHandler.class, "java/io/FileOutputStream", "<init>"))
                .containsExactly(JuliInstrumentation.METHOD);
    }

    @Test
    void asyncFileHandlerNeitherBuildsAWriterNorOpensAFile() throws Exception {
        assertThat(methodsCalling(AsyncFileHandler.class, "java/io/OutputStreamWriter", "<init>")).isEmpty();
        assertThat(methodsCalling(AsyncFileHandler.class, "java/io/FileOutputStream", "<init>")).isEmpty();
        assertThat(methodsCalling(AsyncFileHandler.class, "java/io/PrintWriter", "<init>")).isEmpty();
        assertThat(AsyncFileHandler.class.getSuperclass()).isEqualTo(FileHandler.class);
    }

    /** Names of the class's methods with an INVOKESPECIAL of {@code owner.name}, once per call. */
    private static List<String> methodsCalling(Class<?> type, String owner, String name) throws Exception {
        byte[] bytes = ClassFileLocator.ForClassLoader.of(type.getClassLoader()).locate(type.getName()).resolve();
        List<String> methods = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor,
                                                boolean isInterface) {
                        if (opcode == Opcodes.INVOKESPECIAL && callOwner.equals(owner) && callName.equals(name)) {
                            methods.add(method);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return methods;
    }
}
