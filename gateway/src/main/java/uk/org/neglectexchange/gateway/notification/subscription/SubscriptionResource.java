package uk.org.neglectexchange.gateway.notification.subscription;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.gateway.notification.webhook.AddressPolicy;
import uk.org.neglectexchange.gateway.notification.webhook.RefusedUrl;
import uk.org.neglectexchange.gateway.notification.webhook.WebhookDeliveries;
import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Webhook subscriptions (role {@code notification-subscribe}): a client makes, reads and deletes its own; another
 * client's is a 404. Every call is audited, and every change names the practitioner acting ({@code X-Practitioner-Id}),
 * as every write to the exchange does.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("notification-subscribe")
@Tag(name = "Notifications", description = "What the exchange tells an agency: webhooks and the agency feed")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks role notification-subscribe, or names no agency")
public class SubscriptionResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    Subscriptions subscriptions;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    AddressPolicy addresses;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Audit audit;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Subscribe a webhook receiver to notification types",
            description = "The answer holds the signing secret, shown this once (and to a retry with the same "
                    + "Idempotency-Key). Requests are signed as Standard Webhooks specifies.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewSubscription.class)))
    @APIResponse(responseCode = "201", description = "Subscribed; the answer holds the secret, this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing, unknown or malformed, or a secret was sent")
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    @APIResponse(responseCode = "422", description = "The URL may not be called (not https, or a private address)")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Recipient recipient = recipient();
        String practitioner = caller.requirePractitionerId();
        NewSubscription request = NewSubscription.from(JsonRequestBody.read(json, contentType, body));
        try {
            addresses.check(request.url());
        } catch (RefusedUrl refused) {
            throw ProblemException.unprocessable("url", refused.getMessage());
        }
        String client = caller.clientId();
        SubscriptionView created = idempotency.once(key, request,
                replay -> subscriptions.withSecret(client, UUID.fromString(replay.resourceId()))
                        .orElseThrow(() -> ProblemException.notFound("The subscription made with this key has been deleted")),
                () -> {
                    SubscriptionView view = subscriptions.create(client, recipient, practitioner, request.url(),
                            request.types());
                    return Applied.created(view.id(), view);
                });
        audited("subscription.create");
        return Response.created(URI.create("/api/v1/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The calling client's subscriptions, oldest first")
    @APIResponse(responseCode = "200", description = "A page of subscriptions; nextCursor is absent on the last",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = { @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = SubscriptionView.class),
                            @SchemaProperty(name = "nextCursor", type = SchemaType.STRING) })))
    public SubscriptionView.Page<SubscriptionView> list(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        recipient();
        SubscriptionView.Page<SubscriptionView> page = subscriptions.list(caller.clientId(), cursor(after), limit(limit));
        audited("subscription.list");
        return page;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the calling client's subscriptions")
    @APIResponseSchema(value = SubscriptionView.class, responseDescription = "The subscription, without its secret")
    @APIResponse(responseCode = "404", description = "No such subscription of this client")
    public SubscriptionView read(@PathParam("id") String id) {
        SubscriptionView view = own(id);
        audited("subscription.read");
        return view;
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Unsubscribe: nothing more is sent, and waiting deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of this client")
    public Response delete(@PathParam("id") String id) {
        UUID subscription = own(id).id();
        caller.requirePractitionerId();
        subscriptions.delete(caller.clientId(), subscription);
        audited("subscription.delete");
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Transactional
    @Operation(summary = "Send a signed webhook.test notification to the receiver now")
    @APIResponse(responseCode = "202", description = "Queued; its delivery shows in the deliveries list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryQueued.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this client")
    public Response test(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") String id) {
        SubscriptionView subscription = own(id);
        caller.requirePractitionerId();
        DeliveryQueued queued = idempotency.once(key, "test " + subscription.id(),
                replay -> new DeliveryQueued(UUID.fromString(replay.resourceId())), () -> {
                    UUID delivery = deliveries.enqueueFor(subscription.id(), "webhook.test",
                            TestNotification.body(json, subscription.id()));
                    return Applied.withStatus(202, delivery, new DeliveryQueued(delivery));
                });
        audited("subscription.test");
        return Response.accepted(queued).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first; status=FAILED lists those given up on")
    @APIResponse(responseCode = "200", description = "A page of deliveries; nextCursor is absent on the last",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = { @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = DeliveryView.class),
                            @SchemaProperty(name = "nextCursor", type = SchemaType.STRING) })))
    @APIResponse(responseCode = "404", description = "No such subscription of this client")
    public SubscriptionView.Page<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") int limit) {
        SubscriptionView subscription = own(id);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status", "must be PENDING, DELIVERED or FAILED");
        }
        SubscriptionView.Page<DeliveryView> page = subscriptions.deliveries(subscription.id(), status, cursor(after), limit(limit));
        audited("subscription.deliveries");
        return page;
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Transactional
    @Operation(summary = "Send a FAILED delivery again, with a fresh retry schedule")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryQueued.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of this client, or no such delivery of it")
    @APIResponse(responseCode = "409", description = "The delivery has not failed, or the subscription is disabled")
    public Response retry(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") String id,
            @PathParam("deliveryId") String deliveryId) {
        SubscriptionView subscription = own(id);
        caller.requirePractitionerId();
        UUID delivery = uuid(deliveryId).orElseThrow(() -> ProblemException.notFound("No such delivery of this subscription"));
        if (!"ACTIVE".equals(subscription.status())) {
            throw ProblemException.conflict("The subscription is disabled (" + subscription.disabledReason()
                    + "): nothing is sent to it; subscribe again, and catch up from the feed");
        }
        DeliveryQueued queued = idempotency.once(key, "retry " + delivery, replay -> new DeliveryQueued(delivery), () -> {
            if (!deliveries.retry(subscription.id(), delivery)) {
                if (!subscriptions.hasDelivery(subscription.id(), delivery)) {
                    throw ProblemException.notFound("No such delivery of this subscription");
                }
                throw ProblemException.conflict("Only a FAILED delivery can be sent again");
            }
            return Applied.withStatus(202, delivery, new DeliveryQueued(delivery));
        });
        audited("subscription.retry");
        return Response.accepted(queued).build();
    }

    /** The answer to a test ping or a retry: the delivery to look for in the deliveries list. */
    public record DeliveryQueued(UUID deliveryId) {
    }

    private Recipient recipient() {
        return Recipient.of(identity).orElseThrow(() -> ProblemException.forbidden(
                "The token names no agency, business team or panel of a partnership to notify"));
    }

    private SubscriptionView own(String id) {
        recipient();
        return uuid(id).flatMap(subscription -> subscriptions.find(caller.clientId(), subscription))
                .orElseThrow(() -> ProblemException.notFound("No such subscription of this client"));
    }

    private void audited(String action) {
        audit.record(action, null, Audit.Outcome.SUCCESS);
    }

    private static UUID cursor(String after) {
        if (after == null) {
            return null;
        }
        return uuid(after).orElseThrow(() -> ProblemException.badRequest("after", "must be a nextCursor from a previous page"));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit", "must be between 1 and 200");
        }
        return limit;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
