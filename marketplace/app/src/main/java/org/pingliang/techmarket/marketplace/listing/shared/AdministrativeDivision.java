package org.pingliang.techmarket.marketplace.listing.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pingliang.techmarket.marketplace.organisation.RegionCode;

/** A GB/T 2260 administrative division code (problem code {@code administrative-division}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AdministrativeDivision.Validator.class)
public @interface AdministrativeDivision {

  String message() default "not a GB/T 2260 region code";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is left to {@code @NotNull}. */
  class Validator implements ConstraintValidator<AdministrativeDivision, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || RegionCode.parse(value).isPresent();
    }
  }
}
