package org.aniprep.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's {@code --help} exits 0, for each subcommand picocli knows (so new ones are covered). */
class HelpTest {
    @Test
    void everyCommandsHelpExitsZero() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new AniprepCommand()), new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c))
                .contains("", "extract", "dedup", "tag", "detect", "models", "models list", "demo");
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            PrintStream out = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                code = Main.run(args.toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
            assertThat(code).as("aniprep %s --help", String.join(" ", command)).isZero();
            assertThat(captured.toString(StandardCharsets.UTF_8)).as("aniprep %s --help", command).contains("Usage:");
        }
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(Main.run()).isEqualTo(1);
        assertThat(Main.run("models")).isEqualTo(1);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().name().equals(e.getKey())) {
                continue; // an alias
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, into);
        }
    }
}
