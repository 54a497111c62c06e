package org.mailwright.findings;

import java.util.List;

/**
 * One kind of finding, declared once in its area's enum ({@link SpfFinding}, {@link DkimFinding},
 * {@link DmarcFinding}): a stable id, the one severity it always has, and the names of the
 * arguments its words mention, in order. The words themselves are in the catalogue's bundles.
 */
public interface FindingType {

    /** The stable id, {@code area.kebab-name}, for example {@code spf.too-many-lookups}. */
    String id();

    /** How much it matters; the same wherever the finding is made. */
    Severity severity();

    /** What the words' placeholders {@code {0}}, {@code {1}}... stand for. */
    List<String> argumentNames();

    /** The area, the id's first part: {@code spf}, {@code dkim}, {@code dmarc}. */
    default String area() {
        return id().substring(0, id().indexOf('.'));
    }

    /**
     * A finding of this type about {@code arguments}.
     *
     * @throws IllegalArgumentException when the count of arguments is not the declared one
     */
    default Finding of(Object... arguments) {
        return new Finding(this, List.of(arguments));
    }
}
