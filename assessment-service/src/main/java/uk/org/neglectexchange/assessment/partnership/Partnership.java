package uk.org.neglectexchange.assessment.partnership;

/** The three safeguarding children partnerships and the toolkit family each uses. */
public enum Partnership {
    HSCP("Hampshire Safeguarding Children Partnership", "HIOW"),
    IOWSCP("Isle of Wight Safeguarding Children Partnership", "HIOW"),
    WSSCP("West Sussex Safeguarding Children Partnership", "WS");

    private final String fullName;
    private final String toolkitFamily;

    Partnership(String fullName, String toolkitFamily) {
        this.fullName = fullName;
        this.toolkitFamily = toolkitFamily;
    }

    public String fullName() {
        return fullName;
    }

    public String toolkitFamily() {
        return toolkitFamily;
    }
}
