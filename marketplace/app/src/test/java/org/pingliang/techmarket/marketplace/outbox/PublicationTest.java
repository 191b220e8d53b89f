package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicationTest {

  @Test
  void the_script_reports_a_new_entry_or_the_one_found() {
    assertThat(Publication.parse("appended 1764144000000-0")).isEqualTo(new Publication(true, "1764144000000-0"));
    assertThat(Publication.parse("present 1764144000000-0")).isEqualTo(new Publication(false, "1764144000000-0"));
  }

  @Test
  void any_other_reply_is_a_bug() {
    assertThatThrownBy(() -> Publication.parse("OK")).isInstanceOf(IllegalStateException.class);
  }
}
