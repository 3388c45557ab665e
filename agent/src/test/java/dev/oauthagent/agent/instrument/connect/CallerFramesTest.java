package dev.oauthagent.agent.instrument.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerFramesTest {

    @Test
    void framesComeInnermostFirstWithTheirClassesAndTheWalkStopsWhereTheVisitorSays() {
        List<String> names = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();

        CallerFrames.walk((type, className) -> {
            names.add(className);
            types.add(type);
            return className.equals(CallerFramesTest.class.getName());
        });

        assertThat(names).last().isEqualTo(CallerFramesTest.class.getName());
        assertThat(names).doesNotContain("org.junit.platform.launcher.core.DefaultLauncher");
        assertThat(types).last().as("Java 9+: the frame's class itself").isEqualTo(CallerFramesTest.class);
    }
}
