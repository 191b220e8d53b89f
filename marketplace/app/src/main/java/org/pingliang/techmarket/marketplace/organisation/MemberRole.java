package org.pingliang.techmarket.marketplace.organisation;

/** What a member may do in their organisation. */
public enum MemberRole {
  /** 负责人: edits the organisation, manages members and listings. */
  OWNER,
  /** 编辑: edits the organisation's listings. */
  EDITOR,
  /** 成员: belongs to the organisation, edits nothing. */
  MEMBER;

  /** OWNER and EDITOR edit the organisation's listings (achievements, demands, packages). */
  public boolean mayEditListings() {
    return this == OWNER || this == EDITOR;
  }
}
