package uk.org.neglectexchange.toolkit.edition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two toolkit families and the partnerships that share each. */
public enum ToolkitFamily {
    HIOW(List.of("HSCP", "IOWSCP")),
    WS(List.of("WSSCP"));

    private final List<String> partnerships;

    ToolkitFamily(List<String> partnerships) {
        this.partnerships = partnerships;
    }

    public List<String> partnerships() {
        return partnerships;
    }

    public static Optional<ToolkitFamily> parse(String code) {
        return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
    }
}
