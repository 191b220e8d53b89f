package org.pingliang.techmarket.marketplace.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.server.ServerWebInputException;

class ProblemMappingTest {

  @Test
  void constraint_names_become_kebab_codes() {
    assertThat(ProblemMapping.code("NotBlank")).isEqualTo("not-blank");
    assertThat(ProblemMapping.code("PositiveOrZero")).isEqualTo("positive-or-zero");
    assertThat(ProblemMapping.code(null)).isEqualTo("invalid");
  }

  @Test
  void a_body_over_the_codec_limit_is_413_even_when_wrapped() {
    var wrapped = new ServerWebInputException("Failed to read", null, new DataBufferLimitException("too big"));
    assertThat(ProblemMapping.map(wrapped).type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
  }

  @Test
  void a_stale_update_is_a_conflict() {
    assertThat(ProblemMapping.map(new OptimisticLockingFailureException("stale")).type()).isEqualTo(ProblemType.CONFLICT);
  }

  @Test
  void an_unreachable_dependency_is_503_not_500() {
    var error = new IllegalStateException("pool", new ConnectException("refused"));
    assertThat(ProblemMapping.map(error).type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
  }

  @Test
  void a_bug_is_500_without_details_of_the_internals() {
    var problem = ProblemMapping.map(new NullPointerException("secret internals"));
    assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR);
    assertThat(problem.detailKey()).isEqualTo("problem.internal-error.detail");
  }

  @Test
  void every_problem_type_lives_under_one_base() {
    for (var type : ProblemType.values()) {
      assertThat(type.uri().toString()).startsWith(ProblemType.BASE_URI);
    }
  }
}
