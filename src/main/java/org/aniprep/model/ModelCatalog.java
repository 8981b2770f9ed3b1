package org.aniprep.model;

import java.util.List;

/**
 * Built-in specs of one stage. Implementations are listed in
 * {@code META-INF/services/org.aniprep.model.ModelCatalog} (one line per stage), so the model core
 * needs no dependency on the stages.
 */
public interface ModelCatalog {
    List<ModelSpec> models();
}
