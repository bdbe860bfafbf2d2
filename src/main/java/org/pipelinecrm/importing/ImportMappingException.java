package org.pipelinecrm.importing;

/** A mapping that cannot work (a column not in the file, a needed field without a column); says which. */
public class ImportMappingException extends org.pipelinecrm.shared.InvalidInputException {

    private final String code;
    private final transient Object[] arguments;

    ImportMappingException(String code, String message, Object... arguments) {
        super("mapping", "import.mapping.error." + code, message, arguments);
        this.code = code;
        this.arguments = arguments;
    }

    /** Message key under {@code import.mapping.error.}, for pages. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
