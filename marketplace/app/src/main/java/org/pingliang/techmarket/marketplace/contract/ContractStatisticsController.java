package org.pingliang.techmarket.marketplace.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public technology-contract statistics (技术合同统计): aggregates of registered contracts only, which
 * the city publishes anyway, so no sign-in is needed; nothing about a single contract is shown.
 */
@RestController
@Tag(name = "statistics", description = "技术合同统计 — registered technology contracts")
class ContractStatisticsController {

  private final ContractStatistics statistics;
  private final Clock clock;

  ContractStatisticsController(ContractStatistics statistics, Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  @GetMapping("/api/contract-statistics")
  @Operation(summary = "Count, total amount and technical transaction amount of the year's registered contracts, by month, county, contract type, technology field and party type (seller's side by default, side=BUYER for the buyer's). Roles: public.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "year or side malformed"),
          @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Mono<ContractStatistics.Report> report(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) PartyRole side) {
    return statistics.report(year(year), side == null ? PartyRole.SELLER : side);
  }

  @GetMapping("/api/contract-statistics/target")
  @Operation(summary = "Progress of the year's registered contract turnover against the city's yearly target of 15亿元 (1.5 billion CNY). Roles: public.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "year malformed"),
          @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Mono<ContractStatistics.TargetProgress> target(@RequestParam(required = false) Integer year) {
    return statistics.target(year(year));
  }

  private int year(Integer requested) {
    if (requested == null) {
      return LocalDate.now(clock.withZone(ContractClock.CHINA)).getYear();
    }
    if (requested < 2000 || requested > 2100) {
      throw ContractProblems.invalid("year", "invalid-value");
    }
    return requested;
  }
}
