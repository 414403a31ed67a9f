package org.autocrm.query.live.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.autocrm.access.Caller;
import org.autocrm.query.live.LiveProperties;
import org.autocrm.query.live.LiveStreams;
import org.autocrm.query.live.Position;
import org.autocrm.query.live.StreamEvents;
import org.autocrm.query.live.Subscription;
import org.autocrm.query.web.InvalidParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/stream}: the ticket events the caller may see, as Server-Sent Events. */
@RestController
class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveStreams streams;
    private final LiveProperties properties;

    StreamController(LiveStreams streams, LiveProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates: the ticket changes and presence the caller may see, as Server-Sent Events",
            description = """
                    A stream that stays open (up to 15 minutes; then reconnect). Every event's data is JSON:
                    - `ready` (first): `{resumed}`;
                    - `ticket` (with an `id`): a ticket the caller sees changed; `ticket` is the ticket as \
                    GET /api/tickets/{id} now shows it to the caller, `messages`/`attachments` what the event added \
                    as GET /api/tickets/{id}/messages shows it. Customers get only their own tickets and never \
                    internal notes, agents their own, their groups' and unassigned tickets and no admin-only notes; \
                    nothing of another tenant. An event that only added something the caller may not read is not \
                    sent;
                    - `ticket-hidden` (with an `id`): a ticket was assigned away from the caller;
                    - `reload` (with an `id`): the stream cannot say what changed; read again what is shown;
                    - `presence` (staff only, no `id`): someone started viewing or typing on, or left, a ticket the \
                    caller sees.
                    A comment line (`: heartbeat`) comes every 15 seconds. To resume after a broken connection, send \
                    the last `id` received as `Last-Event-ID` (to any replica): the events since follow, or `reload` \
                    when they are no longer kept (about 5 minutes). API keys need tickets:read.""")
    @ApiResponse(responseCode = "200", description = "The stream (text/event-stream); each event's data is one of these",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(anyOf = {
                    StreamEvents.Ready.class, StreamEvents.TicketChanged.class, StreamEvents.TicketHidden.class,
                    StreamEvents.Reload.class, StreamEvents.PresenceChanged.class})))
    @ApiResponse(responseCode = "429", description = "The user already has as many streams open as allowed (8 per "
            + "replica); see Retry-After",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    SseEmitter stream(@Parameter(description = "the `id` of the last event received, to resume after it",
                              schema = @Schema(type = "string", pattern = "^[0-9]{1,19}(\\.[0-9]{1,19})*$",
                                      example = "1042.977.1310"))
                      @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                      @Parameter(hidden = true) Caller caller) {
        Position from = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                from = Position.parse(lastEventId);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(LAST_EVENT_ID, e.getMessage());
            }
        }
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Subscription subscription = streams.subscribe(caller, from, new SseClient(emitter));
        emitter.onCompletion(() -> streams.unsubscribe(subscription));
        emitter.onError(error -> streams.unsubscribe(subscription));
        emitter.onTimeout(() -> {
            streams.unsubscribe(subscription);
            emitter.complete();
        });
        return emitter;
    }

    @ExceptionHandler(LiveStreams.TooManyStreams.class)
    ResponseEntity<ProblemDetail> tooMany(LiveStreams.TooManyStreams refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, refused.getMessage());
        problem.setTitle("Too many streams");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
