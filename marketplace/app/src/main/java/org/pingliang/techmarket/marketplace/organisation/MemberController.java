package org.pingliang.techmarket.marketplace.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.MemberList;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.MemberResponse;
import org.pingliang.techmarket.marketplace.organisation.internal.MemberForm;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The members of an organisation (机构成员) and their roles; private to its owners and administrators. */
@RestController
@RequestMapping("/api/organisations/{id}/members")
@Tag(name = "organisations")
@SecurityRequirement(name = "keycloak")
class MemberController {

  private final ManagingMembers members;

  MemberController(ManagingMembers members) {
    this.members = members;
  }

  @GetMapping
  @Operation(summary = "The members and their roles. Roles: the organisation's OWNER, ADMIN.",
      responses = {
          @ApiResponse(responseCode = "200"),
          @ApiResponse(responseCode = "400", description = "The id is not a UUID"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A member of the organisation who is not its OWNER"),
          @ApiResponse(responseCode = "404", description = "No such organisation, or the caller is not a member")})
  Mono<MemberList> list(Actor actor, @PathVariable UUID id) {
    return members.list(id, actor).map(MemberResponse::of).collectList().map(MemberList::new);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a member (a Keycloak subject) with a role. Roles: the organisation's OWNER, ADMIN.",
      responses = {
          @ApiResponse(responseCode = "201", description = "Added"),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown role or fields"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A member of the organisation who is not its OWNER"),
          @ApiResponse(responseCode = "404", description = "No such organisation, or the caller is not a member"),
          @ApiResponse(responseCode = "409", description = "The subject already is a member"),
          @ApiResponse(responseCode = "422", description = "Subject or role missing, or the subject malformed")})
  Mono<MemberResponse> add(Actor actor, @PathVariable UUID id, @RequestBody MemberRequest request) {
    return members.add(id, actor, new MemberForm(request.subject(), request.role())).map(MemberResponse::of);
  }

  @DeleteMapping("/{subject}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a member; the last OWNER stays. Roles: the organisation's OWNER, ADMIN.",
      responses = {
          @ApiResponse(responseCode = "204", description = "Removed"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A member of the organisation who is not its OWNER"),
          @ApiResponse(responseCode = "404", description = "No such organisation or member, or the caller is not a member"),
          @ApiResponse(responseCode = "409", description = "The subject is the organisation's last OWNER")})
  Mono<Void> remove(Actor actor, @PathVariable UUID id, @PathVariable String subject) {
    return members.remove(id, actor, subject);
  }

  /** A new member: the Keycloak subject ({@code sub}) and the role in the organisation. */
  record MemberRequest(String subject, MemberRole role) {}
}
