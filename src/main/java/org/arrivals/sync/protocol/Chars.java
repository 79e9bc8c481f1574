package org.arrivals.sync.protocol;

/** Which characters a value may hold. */
public enum Chars {
    /** Free text a person wrote (a name in any script, with a bidi mark): only NUL is refused. */
    TEXT,
    /** An identifier or a label (a code, a station, a type): no control characters, no bidi overrides or isolates. */
    LINE;

    /** The rule {@code value} breaks, or null when it breaks none. */
    public Problem.Rule broken(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return Problem.Rule.NUL_CHARACTER;
            }
            if (this == LINE
                    && (Character.isISOControl(c)
                            || (c >= '\u202A' && c <= '\u202E')
                            || (c >= '\u2066' && c <= '\u2069'))) {
                return Problem.Rule.CONTROL_CHARACTER;
            }
        }
        return null;
    }
}
