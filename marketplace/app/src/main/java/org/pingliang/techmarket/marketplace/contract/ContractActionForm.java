package org.pingliang.techmarket.marketplace.contract;

import jakarta.validation.constraints.Size;

/**
 * The optional body of a contract action: the version it is based on (or If-Match), a reason
 * (rejection, termination) and, for a signature, which party signs when the caller is OWNER of both.
 */
record ContractActionForm(Long version, @Size(max = 1000) String reason, PartyRole party) {

  static final ContractActionForm NONE = new ContractActionForm(null, null, null);
}
