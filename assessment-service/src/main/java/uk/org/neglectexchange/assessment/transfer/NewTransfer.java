package uk.org.neglectexchange.assessment.transfer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Moves a child's record to the partnership the family now lives in. */
public record NewTransfer(
        @NotNull @Pattern(regexp = "HSCP|IOWSCP|WSSCP", message = "must be HSCP, IOWSCP or WSSCP") String toPartnership,
        @NotNull TransferReason reason) {
}
