package dev.oauthagent.agent;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the start-up cost of premain: everything premain runs before the application's main (loading and
 * validating the configuration, defining the bootstrap classes, registering the start-up gate) is paid by
 * every application on every start. A lambda or method reference there is an {@code invokedynamic} whose
 * first call spins a class at run time and bootstraps java.lang.invoke; streams and regular expressions
 * load dozens of JDK classes more. Measured, the configuration code's lambdas alone cost tens of
 * milliseconds (docs/performance.md, "Start-up"). Use loops, small named classes or enum constants instead.
 *
 * <p>Reads the class files' constant pools; loads and runs nothing.
 */
class PremainPathBytecodeTest {
    private static final String WHY = "runs in premain, before the application's main, where lambdas, method "
            + "references, streams and regular expressions cost start-up time on every run: use loops, small named "
            + "classes or enum constants (see docs/performance.md, Start-up, and PremainPathBytecodeTest)";

    /** Constant-pool tags (JVMS §4.4). */
    private static final int UTF8 = 1;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;

    @Test
    void premainPathClassesContainNoInvokedynamic() throws Exception {
        TreeMap<String, ConstantPool> classes = premainPathClasses();
        assertThat(classes).hasSizeGreaterThan(40); // the packages were found: the check below is not vacuous
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, ConstantPool> c : classes.entrySet()) {
            if (c.getValue().hasInvokedynamic) {
                offenders.add(c.getKey());
            }
        }
        assertThat(offenders).as("classes with invokedynamic (a lambda or method reference); each " + WHY)
                .isEmpty();
    }

    @Test
    void premainPathClassesUseNoStreamsOrRegularExpressions() throws Exception {
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, ConstantPool> c : premainPathClasses().entrySet()) {
            for (String text : c.getValue().utf8) {
                if (text.contains("java/util/stream/") || text.contains("java/util/regex/")) {
                    offenders.add(c.getKey() + " uses " + text);
                }
            }
        }
        assertThat(offenders).as("streams or java.util.regex on the premain path; each " + WHY).isEmpty();
    }

    @Test
    void constantPoolReaderFindsTheLambdaInThisTest() throws Exception {
        Runnable lambda = () -> { };
        lambda.run();
        ConstantPool self = ConstantPool.read(resource(PremainPathBytecodeTest.class.getName()));
        assertThat(self.hasInvokedynamic).isTrue();
    }

    private static TreeMap<String, ConstantPool> premainPathClasses() throws Exception {
        TreeMap<String, ConstantPool> classes = new TreeMap<>();
        for (String name : PremainPath.classNames()) {
            classes.put(name, ConstantPool.read(resource(name)));
        }
        return classes;
    }

    private static InputStream resource(String className) {
        InputStream in = PremainPathBytecodeTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class");
        assertThat(in).as(className).isNotNull();
        return in;
    }

    /** Just enough of a class file: whether it has invokedynamic entries, and its UTF-8 constants. */
    private static final class ConstantPool {
        final boolean hasInvokedynamic;
        final List<String> utf8;

        private ConstantPool(boolean hasInvokedynamic, List<String> utf8) {
            this.hasInvokedynamic = hasInvokedynamic;
            this.utf8 = utf8;
        }

        static ConstantPool read(InputStream stream) throws IOException {
            try (DataInputStream in = new DataInputStream(stream)) {
                assertThat(in.readInt()).as("class file magic").isEqualTo(0xCAFEBABE);
                in.readUnsignedShort(); // minor version
                in.readUnsignedShort(); // major version
                int count = in.readUnsignedShort();
                boolean indy = false;
                List<String> utf8 = new ArrayList<>();
                for (int i = 1; i < count; i++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case UTF8 -> utf8.add(in.readUTF());
                        case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                        case 15 -> in.skipNBytes(3); // MethodHandle
                        case 3, 4, 9, 10, 11, 12 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType
                        case DYNAMIC, INVOKE_DYNAMIC -> {
                            indy = true;
                            in.skipNBytes(4);
                        }
                        case 5, 6 -> { // Long, Double take two entries
                            in.skipNBytes(8);
                            i++;
                        }
                        default -> throw new IOException("unknown constant-pool tag " + tag + " at entry " + i);
                    }
                }
                return new ConstantPool(indy, utf8);
            }
        }
    }
}
