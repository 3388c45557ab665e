package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.bootstrap.Bridge;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

class BootstrapClassesTest {

    @Test
    void theListNamesEveryClassOfTheBootstrapModule() throws Exception {
        assertThat(Arrays.asList(BootstrapClasses.NAMES))
                .as("a class missing from BootstrapClasses.NAMES is not defined in the boot loader, and advice"
                        + " that uses it fails with NoClassDefFoundError in the application")
                .containsExactlyInAnyOrderElementsOf(classesOfTheBootstrapModule());
    }

    @Test
    void everyListedClassCanBeReadFromTheAgentsClassPath() throws Exception {
        for (String name : BootstrapClasses.NAMES) {
            assertThat(BootstrapClasses.classBytes(BootstrapClasses.PACKAGE + name)).isNotEmpty();
        }
    }

    @Test
    void supertypesComeBeforeTheirSubtypes() throws Exception {
        List<String> order = Arrays.asList(BootstrapClasses.NAMES);
        for (String name : BootstrapClasses.NAMES) {
            Class<?> type = Class.forName(BootstrapClasses.PACKAGE + name);
            for (Class<?> parent : type.getInterfaces()) {
                if (parent.getName().startsWith(BootstrapClasses.PACKAGE)) {
                    assertThat(order.indexOf(parent.getSimpleName())).isLessThan(order.indexOf(name));
                }
            }
        }
    }

    private static List<String> classesOfTheBootstrapModule() throws Exception {
        URL location = Bridge.class.getProtectionDomain().getCodeSource().getLocation();
        File root = new File(location.toURI());
        List<String> names = new ArrayList<>();
        String packagePath = BootstrapClasses.PACKAGE.replace('.', '/');
        if (root.isDirectory()) {
            File[] files = new File(root, packagePath).listFiles((dir, n) -> n.endsWith(".class"));
            for (File f : files) {
                names.add(f.getName().substring(0, f.getName().length() - ".class".length()));
            }
        } else {
            try (JarFile jar = new JarFile(root)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(packagePath) && n.endsWith(".class") && n.indexOf('/', packagePath.length()) < 0) {
                        names.add(n.substring(packagePath.length(), n.length() - ".class".length()));
                    }
                }
            }
        }
        names.remove("package-info");
        return names;
    }
}
