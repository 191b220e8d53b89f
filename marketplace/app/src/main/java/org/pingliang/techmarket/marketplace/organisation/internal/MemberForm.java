package org.pingliang.techmarket.marketplace.organisation.internal;

import org.pingliang.techmarket.marketplace.organisation.MemberRole;

/** A new member as the client sent it. */
public record MemberForm(String subject, MemberRole role) {}
