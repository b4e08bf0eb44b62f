package uk.org.neglectexchange.escalation.drift;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Someone has seen the alert and says what is being done; the alert stays until its condition ends. */
public record Acknowledgement(@NotBlank @Size(max = 1000) String note) {
}
