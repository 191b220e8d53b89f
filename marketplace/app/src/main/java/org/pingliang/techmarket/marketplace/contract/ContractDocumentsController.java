package org.pingliang.techmarket.marketplace.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A contract's audit log with its verification, and the registration form (登记表) as PDF and CSV. */
@RestController
@Tag(name = "contracts")
@SecurityRequirement(name = "keycloak")
class ContractDocumentsController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final ContractDocuments documents;

  ContractDocumentsController(ContractDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/api/contracts/{id}/audit-log")
  @Operation(summary = "Every event of the contract in order, each with its payload digest, previous hash and SHA-256 hash. Roles: members of either party, the broker; ADMIN once submitted.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller")})
  Mono<List<ContractDocuments.AuditEntryView>> auditLog(Actor actor, @PathVariable UUID id) {
    return documents.auditLog(actor, id);
  }

  @GetMapping("/api/contracts/{id}/audit-log/verification")
  @Operation(summary = "Recomputes the audit log's hash chain: valid, or the first entry that does not fit and why. Roles: members of either party, the broker; ADMIN once submitted.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller")})
  Mono<ContractDocuments.VerificationView> verify(Actor actor, @PathVariable UUID id) {
    return documents.verify(actor, id);
  }

  @GetMapping("/api/contracts/{id}/registration-form.pdf")
  @Operation(summary = "The registration form (技术合同认定登记表) as PDF. Roles: members of either party, the broker; ADMIN once submitted.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller")})
  Mono<ResponseEntity<byte[]>> pdf(Actor actor, @PathVariable UUID id) {
    return documents.pdf(actor, id).map(bytes -> attachment(bytes, MediaType.APPLICATION_PDF, id, "pdf"));
  }

  @GetMapping("/api/contracts/{id}/registration-form.csv")
  @Operation(summary = "The registration form as CSV (UTF-8 with BOM, RFC 4180, formula-safe) for the registry's spreadsheet. Roles: members of either party, the broker; ADMIN once submitted.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller")})
  Mono<ResponseEntity<byte[]>> csv(Actor actor, @PathVariable UUID id) {
    return documents.csv(actor, id).map(bytes -> attachment(bytes, CSV, id, "csv"));
  }

  // No "produces" on these mappings: a refusal (404) must still be answered as problem+json, and a
  // mapping that only produces PDF made the error answer hang. The type is set on the answer instead.
  private static ResponseEntity<byte[]> attachment(byte[] bytes, MediaType type, UUID id, String extension) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("registration-form-" + id + "." + extension).build().toString())
        .body(bytes);
  }
}
