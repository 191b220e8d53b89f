package org.pingliang.techmarket.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 平凉科技大市场: the reactive REST API and home of the business. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketplaceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MarketplaceApplication.class, args);
  }
}
