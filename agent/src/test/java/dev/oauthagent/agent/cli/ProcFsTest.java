package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
    @TempDir
    Path dir;

    @Test
    void processWithLibjvmMappedIsAJvm() {
        ProcFs proc = new FakeProc(dir).process("10", FakeProc.SHELL_MAPS + FakeProc.JVM_MAPS).procFs();

        assertThat(proc.exists("10")).isEqualTo(ProcFs.Answer.YES);
        assertThat(proc.isJvm("10")).isEqualTo(ProcFs.Answer.YES);
    }

    @Test
    void openJ9IsRecognisedByItsVmLibrary() {
        ProcFs proc = new FakeProc(dir).process("10", "7f00-7f01 r-xp 0 08:01 1 /opt/ibm/lib/default/libj9vm29.so\n")
                .procFs();

        assertThat(proc.isJvm("10")).isEqualTo(ProcFs.Answer.YES);
    }

    @Test
    void processWithoutAJvmLibraryIsNotAJvm() {
        ProcFs proc = new FakeProc(dir).process("10", FakeProc.SHELL_MAPS).procFs();

        assertThat(proc.isJvm("10")).isEqualTo(ProcFs.Answer.NO);
    }

    @Test
    void missingProcessDirectoryMeansNoSuchProcessButOnlyWhereProcExists() {
        assertThat(new FakeProc(dir).procFs().exists("10")).isEqualTo(ProcFs.Answer.NO);
        assertThat(new ProcFs(dir.resolve("no-proc-here")).exists("10")).isEqualTo(ProcFs.Answer.UNKNOWN);
    }

    @Test
    void unreadableMapsMeansUnknownNotNo() {
        ProcFs proc = new FakeProc(dir).procFs();

        assertThat(proc.isJvm("10")).isEqualTo(ProcFs.Answer.UNKNOWN);
    }

    @Test
    void environmentIsSplitOnNulAndKeepsEqualsSignsInValues() {
        ProcFs proc = new FakeProc(dir).process("10", FakeProc.JVM_MAPS, "HOME=/home/app", "TOKEN_OPTS=a=b=c")
                .procFs();

        assertThat(proc.environment("10")).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("HOME", "/home/app", "TOKEN_OPTS", "a=b=c"));
    }

    @Test
    void unreadableEnvironmentIsNullSoTheCallerKnowsToFallBack() throws Exception {
        ProcFs proc = new FakeProc(dir).process("10", FakeProc.JVM_MAPS).procFs();
        Files.delete(dir.resolve("10").resolve("environ"));

        assertThat(proc.environment("10")).isNull();
    }

    @Test
    void ownerIsTheOwnerOfTheProcessDirectory() throws Exception {
        ProcFs proc = new FakeProc(dir).process("10", FakeProc.JVM_MAPS).procFs();

        assertThat(proc.owner("10")).isEqualTo(Files.getOwner(dir.resolve("10")).getName());
        assertThat(proc.owner("11")).isNull();
    }
}
