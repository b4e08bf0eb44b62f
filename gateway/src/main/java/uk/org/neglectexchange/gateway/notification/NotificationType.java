package uk.org.neglectexchange.gateway.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the exchange tells agencies: the CloudEvent {@code type} of a notification, and what a subscription lists.
 * Most are named for the event they report; {@code escalation.deadline-approaching} and {@code encompass.incident}
 * are the exchange's own, and {@code subscription.disabled} and {@code webhook.test} concern the subscription.
 */
public enum NotificationType {
    RECORD_ACCESSED("child.record-accessed"),
    CHRONOLOGY_ENTRY_ADDED("chronology.entry-added"),
    ASSESSMENT_STARTED("assessment.started"),
    ASSESSMENT_COMPLETED("assessment.completed"),
    LEVEL_CHANGED("threshold.changed"),
    CHILD_TRANSFERRED("child.transferred"),
    DRIFT_DETECTED("drift.detected"),
    DRIFT_CLEARED("drift.cleared"),
    ESCALATION_RAISED("escalation.raised"),
    ESCALATION_STAGE_CHANGED("escalation.stage-changed"),
    ESCALATION_DEADLINE_APPROACHING("escalation.deadline-approaching"),
    ESCALATION_DEADLINE_BREACHED("escalation.deadline-breached"),
    ESCALATION_RESOLVED("escalation.resolved"),
    ENCOMPASS_INCIDENT("encompass.incident"),
    TOOLKIT_EDITION_PUBLISHED("toolkit.edition.published"),
    TOOLKIT_REVIEW_DUE("toolkit.review.due"),
    TOOLKIT_REVIEW_OVERDUE("toolkit.review.overdue"),
    SUBSCRIPTION_DISABLED("subscription.disabled"),
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    NotificationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NotificationType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
