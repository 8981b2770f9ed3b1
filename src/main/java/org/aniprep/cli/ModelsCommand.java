package org.aniprep.cli;

import org.aniprep.pipeline.ModelOptions;
import org.aniprep.console.ExitCodes;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.ResolvedModel;
import org.aniprep.model.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code aniprep models list | fetch ID | verify [ID] | path ID}. */
@Command(name = "models", description = "List, fetch, verify and locate the neural models.",
        subcommands = {ModelsCommand.ListCmd.class, ModelsCommand.Fetch.class, ModelsCommand.Verify.class, ModelsCommand.PathCmd.class})
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No subcommand given: a usage error (exit 1). */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("aniprep models: name one of list, fetch, verify, path");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "list", description = "Built-in models, and whether their files are on this machine.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        ModelOptions model;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelResolver resolver = new ModelResolver(model.settings());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-34s %-11s %-8s %s%n", "ID", "TASK", "LOCAL", "REPO (revision)");
            for (ModelSpec s : ModelRegistry.all()) {
                boolean local = resolver.findLocal(s).isPresent();
                out.printf("%-34s %-11s %-8s %s (%s)%n", s.id(), s.task().name().toLowerCase(), local ? "yes" : "-", s.repo(), s.revision());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", description = "Download a model's files into the Hugging Face cache (resumable, checksummed).")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        ModelOptions model;
        @Parameters(arity = "1..*", paramLabel = "ID", description = "model id or repo id")
        List<String> ids;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelResolver resolver = new ModelResolver(model.settings());
            for (String id : ids) {
                ResolvedModel r = resolve(resolver, id);
                spec.commandLine().getOut().println(r.spec().id() + ": " + r.source());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "path", description = "Print where a model's files are (never downloads).")
    static final class PathCmd implements Callable<Integer> {
        @Mixin
        ModelOptions model;
        @Parameters(paramLabel = "ID", description = "model id or repo id")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelResolver resolver = new ModelResolver(model.settings().withOffline(true));
            ResolvedModel r = resolve(resolver, id);
            PrintWriter out = spec.commandLine().getOut();
            for (Map.Entry<String, Path> e : r.files().entrySet()) {
                out.println(e.getKey() + "\t" + e.getValue());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", description = "Check the SHA-256 of local model files against the spec or the hub's LFS etag.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ModelOptions model;
        @Parameters(arity = "0..*", paramLabel = "ID", description = "models to check (default: every one found locally)")
        List<String> ids;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ModelResolver resolver = new ModelResolver(model.settings().withOffline(true));
            List<ModelSpec> specs = ids == null || ids.isEmpty() ? ModelRegistry.all() : ids.stream().map(ModelRegistry::require).toList();
            PrintWriter out = spec.commandLine().getOut();
            int bad = 0;
            for (ModelSpec s : specs) {
                Optional<ResolvedModel> r = resolver.findLocal(s);
                if (r.isEmpty()) {
                    if (ids != null && !ids.isEmpty()) {
                        out.println(s.id() + ": MISSING");
                        bad++;
                    }
                    continue;
                }
                for (ModelFile f : s.files()) {
                    Path p = r.get().files().get(f.role());
                    if (p == null) {
                        continue;
                    }
                    String expected = expectedSha(f, p);
                    String actual = Sha256.of(p);
                    String verdict = expected == null ? "ok (no checksum known)" : expected.equals(actual) ? "OK" : "MISMATCH (expected " + expected + ")";
                    if (expected != null && !expected.equals(actual)) {
                        bad++;
                    }
                    out.println(s.id() + "/" + f.path() + ": " + verdict + "  sha256 " + actual + "  " + p);
                }
            }
            out.flush();
            return bad == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }

        /** The spec's checksum, else the hub blob name when it is a SHA-256 (LFS files). */
        private static String expectedSha(ModelFile f, Path p) throws IOException {
            if (f.sha256() != null) {
                return f.sha256().toLowerCase();
            }
            if (Files.isSymbolicLink(p)) {
                String blob = Files.readSymbolicLink(p).getFileName().toString();
                return Sha256.looksLikeSha256(blob) ? blob : null;
            }
            return null;
        }
    }

    static ResolvedModel resolve(ModelResolver resolver, String id) {
        try {
            return resolver.resolve(ModelRegistry.require(id));
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
