package org.autocrm.ticket.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.autocrm.access.Caller;
import org.autocrm.ticket.history.TicketAsOf;
import org.autocrm.ticket.history.TicketHistory;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.RecordAttachment;
import org.autocrm.ticket.ticket.TicketChange;
import org.autocrm.ticket.ticket.web.Acting;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading files to a ticket (multipart field {@code file}) and downloading them again. */
@Tag(name = "Attachments",
        description = "Files on a ticket: upload one (multipart field `file`, its type checked from its bytes, at most "
                + "25 MB) and download it again.")
@RestController
@RequestMapping("/api/tickets/{id}/attachments")
class AttachmentController {

    private final AttachmentPolicy policy;
    private final AttachmentStore store;
    private final CommandGateway commands;
    private final TicketHistory history;

    AttachmentController(AttachmentPolicy policy, AttachmentStore store, CommandGateway commands, TicketHistory history) {
        this.policy = policy;
        this.store = store;
        this.commands = commands;
        this.history = history;
    }

    /** What was attached, and the ticket version it made. */
    record AttachmentAdded(String ticketId, String attachmentId, String fileName, String contentType, long size,
                           String sha256, long version) {
    }

    @Operation(summary = "Upload a file to a ticket")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.TOO_LARGE, Refusal.Kind.UNSUPPORTED_TYPE}, etag = true)
    ResponseEntity<AttachmentAdded> attach(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                           @RequestParam(name = "messageId", required = false) String messageId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           Caller caller) throws IOException {
        byte[] bytes = file.getBytes();
        String fileName = FileNames.sanitised(file.getOriginalFilename());
        FileKind kind = policy.check(fileName, file.getContentType(), bytes);
        String sha256 = sha256(bytes);
        AttachmentStore.StoredFile stored = store.store(caller.tenantId(), fileName, kind.contentType(), bytes, sha256);
        TicketChange change;
        try {
            change = commands.sendAndWait(new RecordAttachment(id, Acting.context(caller, versionOf(ifMatch)),
                    stored.id(), messageId, fileName, kind.contentType(), bytes.length, sha256));
        } catch (RuntimeException refused) {
            store.forget(stored);
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/attachments/" + stored.id()))
                .eTag("\"" + change.version() + "\"")
                .body(new AttachmentAdded(id, stored.id(), fileName, kind.contentType(), bytes.length, sha256,
                        change.version()));
    }

    @Operation(summary = "Download an attachment of a ticket")
    @GetMapping("/{attachmentId}")
    @ApiResponse(responseCode = "200", description = "The file's bytes, with its stored type as Content-Type "
            + "(e.g. image/png) and its name in Content-Disposition",
            content = @Content(mediaType = MediaType.ALL_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId,
                                                 Caller caller) throws IOException {
        TicketAsOf ticket = history.asOf(id, java.time.Instant.now(), caller)
                .orElseThrow(() -> Refused.notFound("There is no ticket " + id));
        TicketAsOf.Attachment attachment = ticket.attachments().stream()
                .filter(a -> a.attachmentId().equals(attachmentId)).findFirst()
                .orElseThrow(() -> Refused.notFound("Ticket " + id + " has no attachment " + attachmentId));
        var resource = store.open(caller.tenantId(), attachmentId)
                .orElseThrow(() -> Refused.notFound("Attachment " + attachmentId + " is no longer stored"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(resource.getInputStream()));
    }

    private static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw Refused.invalidField("If-Match", "must be a ticket version such as \"3\"");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
