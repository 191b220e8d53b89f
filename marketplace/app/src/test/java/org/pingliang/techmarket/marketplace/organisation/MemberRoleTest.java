package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberRoleTest {

  @Test
  void owners_and_editors_edit_listings_plain_members_do_not() {
    assertThat(MemberRole.OWNER.mayEditListings()).isTrue();
    assertThat(MemberRole.EDITOR.mayEditListings()).isTrue();
    assertThat(MemberRole.MEMBER.mayEditListings()).isFalse();
  }

  @Test
  void every_kind_has_its_chinese_name() {
    assertThat(OrganisationKind.UNIVERSITY.chineseName()).isEqualTo("高等院校");
    assertThat(OrganisationKind.RESEARCH_INSTITUTE.chineseName()).isEqualTo("科研院所");
    assertThat(OrganisationKind.ENTERPRISE.chineseName()).isEqualTo("企业");
    assertThat(OrganisationKind.BROKER_AGENCY.chineseName()).isEqualTo("技术转移/经纪机构");
    assertThat(OrganisationKind.SERVICE_PROVIDER.chineseName()).isEqualTo("科技服务机构");
  }
}
