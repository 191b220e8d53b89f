package org.pingliang.techmarket.marketplace.listing.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Chinese patent application number with a correct check character (problem code {@code patent-number}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PatentNumber.Validator.class)
public @interface PatentNumber {

  String message() default "not a valid patent application number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is left to {@code @NotNull}. */
  class Validator implements ConstraintValidator<PatentNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || PatentApplicationNumber.parse(value).isPresent();
    }
  }
}
