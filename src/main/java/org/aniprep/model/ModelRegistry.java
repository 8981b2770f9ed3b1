package org.aniprep.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** All built-in model specs, gathered from every {@link ModelCatalog} on the class path. */
public final class ModelRegistry {
    private static volatile List<ModelSpec> all;

    private ModelRegistry() {
    }

    public static List<ModelSpec> all() {
        if (all == null) {
            List<ModelSpec> specs = new ArrayList<>();
            for (ModelCatalog c : ServiceLoader.load(ModelCatalog.class)) {
                specs.addAll(c.models());
            }
            specs.sort(Comparator.comparing(ModelSpec::task).thenComparing(ModelSpec::id));
            all = List.copyOf(specs);
        }
        return all;
    }

    /** By id, or by repo id when exactly one spec uses that repo. */
    public static Optional<ModelSpec> find(String idOrRepo) {
        Optional<ModelSpec> byId = all().stream().filter(s -> s.id().equalsIgnoreCase(idOrRepo)).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<ModelSpec> byRepo = all().stream().filter(s -> s.repo().equalsIgnoreCase(idOrRepo)).toList();
        return byRepo.size() == 1 ? Optional.of(byRepo.get(0)) : Optional.empty();
    }

    public static ModelSpec require(String idOrRepo) {
        return find(idOrRepo).orElseThrow(() -> new ModelException("unknown model '" + idOrRepo
                + "'; 'aniprep models list' shows the built-in ones, or pass a path to a .onnx file"));
    }
}
