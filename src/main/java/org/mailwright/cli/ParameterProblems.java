package org.mailwright.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What is wrong with a command line, in the user's language. Picocli words its own parse errors in
 * English only; in English they are kept as picocli says them (scripts and the README quote them),
 * in any other language the common ones (a missing option, parameter or value, an unknown option,
 * an argument too many, a value that is no value of its option) are said from the bundle. A
 * suggestion of a near command or option is added in either language.
 */
final class ParameterProblems {

    private ParameterProblems() {
    }

    static String say(ParameterException problem, Texts texts) {
        String said = texts.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? problem.getMessage() : translated(problem, texts);
        if (problem instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            said = MailwrightCommand.sentence(said) + " " + texts.get("cli.error.did-you-mean", quoted(unmatched.getSuggestions()));
        }
        return said;
    }

    private static String translated(ParameterException problem, Texts texts) {
        String message = String.valueOf(problem.getMessage());
        if (problem instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            if (message.startsWith("Missing required parameter for option")) {
                return texts.get("cli.error.missing-value", quoted(List.of(name(missing.getMissing().get(0)))));
            }
            List<ArgSpec> specs = missing.getMissing();
            boolean options = specs.stream().allMatch(ArgSpec::isOption);
            return texts.get(options ? "cli.error.missing-options" : "cli.error.missing-parameters", specs.size(),
                    quoted(specs.stream().map(ParameterProblems::shown).toList()));
        }
        if (problem instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> arguments = unmatched.getUnmatched();
            return texts.get(unmatched.isUnknownOption() ? "cli.error.unknown-options" : "cli.error.extra-arguments",
                    arguments.size(), quoted(arguments));
        }
        if (problem.getArgSpec() != null && problem.getValue() != null && problem.getCause() != null) {
            ArgSpec spec = problem.getArgSpec();
            Iterable<String> candidates = spec.completionCandidates();
            List<String> values = candidates == null ? List.of()
                    : StreamSupport.stream(candidates.spliterator(), false).toList();
            String invalid = texts.get("cli.error.invalid-value", quoted(List.of(name(spec))), GlobalOptions.shown(problem.getValue()));
            if (!values.isEmpty()) {
                return MailwrightCommand.sentence(invalid) + " " + texts.get("cli.error.one-of", String.join(", ", values));
            }
            Class<?> type = spec.type();
            boolean whole = type == int.class || type == long.class || type == Integer.class || type == Long.class;
            return whole ? MailwrightCommand.sentence(invalid) + " " + texts.get("cli.error.whole-number") : invalid;
        }
        return message;
    }

    /** An option with its value's label ({@code --p=POLICY}), or a parameter's label. */
    private static String shown(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.arity().max() > 0 ? option.longestName() + "=" + option.paramLabel() : option.longestName();
        }
        return spec.paramLabel();
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }

    private static String quoted(List<String> words) {
        return words.stream().map(word -> "'" + GlobalOptions.shown(word) + "'").collect(Collectors.joining(", "));
    }
}
