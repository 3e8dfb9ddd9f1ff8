package io.newswire.processing.validate;

/**
 * A report that cannot be processed for a reason of its own (not a fault of ours). Thrown inside a processor,
 * caught by {@code DeadLetterHandlers}, which writes it to the dead-letter topic and lets the stream go on.
 */
public final class InvalidReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final String stage;

    /**
     * @param code  stable machine code, e.g. {@code invalid-report}, {@code unknown-reference}
     * @param stage the processing step: validate, articles ...
     */
    public InvalidReportException(final String code, final String stage, final String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.stage = stage;
    }

    public String code() {
        return code;
    }

    public String stage() {
        return stage;
    }
}
