package org.mailwright.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mailwright.i18n.Messages;

/**
 * Where in a file a report, or a problem with one, was found: the steps from the file inward (an
 * entry of a zip archive, a message of a mailbox, a part of a message), said in the reader's
 * language when shown, as "message 3, part 2 (report.xml.gz)" or "mensaje 3, parte 2 (report.xml.gz)".
 *
 * @param steps from the outermost inward; none for the file itself
 */
public record ReportPlace(List<Step> steps) {

    /** The file itself. */
    public static final ReportPlace FILE = new ReportPlace(List.of());

    public ReportPlace {
        steps = List.copyOf(steps);
    }

    /** What a step goes into. */
    public enum Kind {
        ENTRY, MESSAGE, PART
    }

    /**
     * One step inward.
     *
     * @param kind what it goes into
     * @param number the message's or part's number, from 1 (0 for an entry)
     * @param name the entry's name, or the part's file name; empty when the part has none
     */
    public record Step(Kind kind, int number, String name) {

        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        String text(Locale locale) {
            return switch (kind) {
                case ENTRY -> Messages.get(locale, "reports.place.entry", name);
                case MESSAGE -> Messages.get(locale, "reports.place.message", number);
                case PART -> name.isEmpty() ? Messages.get(locale, "reports.place.part", number)
                        : Messages.get(locale, "reports.place.part-named", number, name);
            };
        }
    }

    /** The entry called {@code name} of the zip archive here. */
    public ReportPlace entry(String name) {
        return then(new Step(Kind.ENTRY, 0, name));
    }

    /** The {@code number}th message (from 1) of the mailbox here. */
    public ReportPlace message(int number) {
        return then(new Step(Kind.MESSAGE, number, ""));
    }

    /** The {@code number}th part (from 1) of the message here, with its file name if it has one. */
    public ReportPlace part(int number, String name) {
        return then(new Step(Kind.PART, number, name == null ? "" : name));
    }

    public boolean isFile() {
        return steps.isEmpty();
    }

    /** The steps in {@code locale}'s language, joined by commas; empty for the file itself. */
    public String text(Locale locale) {
        return steps.stream().map(step -> step.text(locale)).collect(Collectors.joining(", "));
    }

    private ReportPlace then(Step step) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(step);
        return new ReportPlace(longer);
    }
}
