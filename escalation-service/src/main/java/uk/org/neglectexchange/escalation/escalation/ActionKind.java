package uk.org.neglectexchange.escalation.escalation;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ActionKind {
    @JsonProperty("respond")
    RESPOND,
    @JsonProperty("escalate")
    ESCALATE,
    @JsonProperty("resolve")
    RESOLVE
}
