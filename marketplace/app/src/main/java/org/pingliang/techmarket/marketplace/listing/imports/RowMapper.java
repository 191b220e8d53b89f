package org.pingliang.techmarket.marketplace.listing.imports;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.achievement.Achievement;
import org.pingliang.techmarket.marketplace.listing.achievement.AchievementForm;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;

/**
 * Turns one spreadsheet row into achievement content with the same rules as the API form, or into
 * the list of what is wrong with it, by column. Cells accept what people type: Chinese names of
 * fields and modes, prices in yuan with up to two decimals or 面议, lists separated by 、；; or ,.
 */
final class RowMapper {

  private static final Map<String, Maturity> MATURITY = Map.of("实验室", Maturity.LABORATORY, "小试", Maturity.BENCH_SCALE,
      "中试", Maturity.PILOT_SCALE, "可量产", Maturity.READY_FOR_PRODUCTION, "已产业化", Maturity.INDUSTRIALISED);
  private static final Map<String, TransferMode> MODES = Map.of("转让", TransferMode.ASSIGNMENT, "许可", TransferMode.LICENCE,
      "作价入股", TransferMode.EQUITY_INVESTMENT, "合作开发", TransferMode.JOINT_DEVELOPMENT, "技术服务", TransferMode.TECHNICAL_SERVICE);
  private static final String NEGOTIABLE = "面议";

  private final Map<ImportColumn, Integer> positions;
  private final Validator validator;

  private RowMapper(Map<ImportColumn, Integer> positions, Validator validator) {
    this.positions = positions;
    this.validator = validator;
  }

  /** Reads the header; a missing required column makes the whole file unusable. */
  static RowMapper forHeader(List<String> header, Validator validator) {
    var positions = new EnumMap<ImportColumn, Integer>(ImportColumn.class);
    for (var i = 0; i < header.size(); i++) {
      var index = i;
      ImportColumn.ofHeader(header.get(i)).ifPresent(column -> positions.putIfAbsent(column, index));
    }
    for (var column : ImportColumn.values()) {
      if (column.required() && !positions.containsKey(column)) {
        throw new MissingColumn(column);
      }
    }
    return new RowMapper(positions, validator);
  }

  /** A row that could be read: its external id and content. */
  record Parsed(String externalId, Achievement.Content content) {}

  /** The outcome of mapping one row: either parsed content or the errors, never both. */
  record Result(Parsed parsed, List<FieldError> errors) {}

  Result map(UUID organisationId, List<String> row) {
    var errors = new ArrayList<FieldError>();
    var form = new AchievementForm(organisationId, cell(row, ImportColumn.EXTERNAL_ID), cell(row, ImportColumn.TITLE),
        cell(row, ImportColumn.SUMMARY), cell(row, ImportColumn.DESCRIPTION),
        parse(row, ImportColumn.TECHNOLOGY_FIELD, RowMapper::technologyField, errors), list(row, ImportColumn.INDUSTRY_TAGS),
        parse(row, ImportColumn.MATURITY, RowMapper::maturity, errors), parse(row, ImportColumn.TRL, Integer::valueOf, errors),
        patents(row), modes(row, errors), price(row, errors), NEGOTIABLE.equals(cell(row, ImportColumn.ASKING_PRICE)),
        cell(row, ImportColumn.REGION_CODE), null);
    if (form.externalId() == null) {
      errors.add(new FieldError(ImportColumn.EXTERNAL_ID.field(), "not-blank", "problem.field.not-blank"));
    }
    for (var violation : validator.validate(form)) {
      var code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
          .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
      errors.add(new FieldError(violation.getPropertyPath().toString(), code, "problem.field." + code));
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    try {
      return new Result(new Parsed(form.externalId(), form.toContent()), List.of());
    } catch (ApiProblem problem) {
      return new Result(null, problem.errors());
    }
  }

  private String cell(List<String> row, ImportColumn column) {
    var position = positions.get(column);
    if (position == null || position >= row.size()) {
      return null;
    }
    var value = row.get(position).strip();
    return value.isEmpty() ? null : value;
  }

  private interface CellParser<T> {
    T parse(String text);
  }

  private <T> T parse(List<String> row, ImportColumn column, CellParser<T> parser, List<FieldError> errors) {
    var text = cell(row, column);
    if (text == null) {
      return null;
    }
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(column.field(), "wrong-type", "problem.field.wrong-type"));
      return null;
    }
  }

  private List<String> list(List<String> row, ImportColumn column) {
    var text = cell(row, column);
    return text == null ? List.of() : Arrays.stream(text.split("[、；;,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private AchievementForm.IpForm patents(List<String> row) {
    var numbers = list(row, ImportColumn.PATENTS);
    return new AchievementForm.IpForm(numbers.stream().map(number -> new AchievementForm.PatentForm(number, null)).toList(),
        List.of(), List.of());
  }

  private Set<TransferMode> modes(List<String> row, List<FieldError> errors) {
    var modes = new LinkedHashSet<TransferMode>();
    for (var name : list(row, ImportColumn.TRANSFER_MODES)) {
      var mode = Optional.ofNullable(MODES.get(name)).or(() -> enumValue(TransferMode.class, name));
      if (mode.isEmpty()) {
        errors.add(new FieldError(ImportColumn.TRANSFER_MODES.field(), "wrong-type", "problem.field.wrong-type"));
        return modes;
      }
      modes.add(mode.get());
    }
    return modes;
  }

  /** Yuan with at most two decimals, to fen; 面议 means no price. */
  private MoneyForm price(List<String> row, List<FieldError> errors) {
    var text = cell(row, ImportColumn.ASKING_PRICE);
    if (text == null || NEGOTIABLE.equals(text)) {
      return null;
    }
    try {
      var fen = new BigDecimal(text.replace(",", "").replace("，", "")).movePointRight(2);
      return new MoneyForm(fen.longValueExact(), "CNY");
    } catch (NumberFormatException | ArithmeticException e) {
      errors.add(new FieldError(ImportColumn.ASKING_PRICE.field(), "wrong-type", "problem.field.wrong-type"));
      return null;
    }
  }

  private static TechnologyField technologyField(String text) {
    return Arrays.stream(TechnologyField.values()).filter(field -> field.chineseName().equals(text)).findFirst()
        .or(() -> enumValue(TechnologyField.class, text))
        .orElseThrow(IllegalArgumentException::new);
  }

  private static Maturity maturity(String text) {
    return Optional.ofNullable(MATURITY.get(text)).or(() -> enumValue(Maturity.class, text))
        .orElseThrow(IllegalArgumentException::new);
  }

  private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name.toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The file lacks a column every row needs. */
  static final class MissingColumn extends RuntimeException {
    private final transient ImportColumn column;

    MissingColumn(ImportColumn column) {
      super(column.chineseHeader(), null, false, false);
      this.column = column;
    }

    ImportColumn column() {
      return column;
    }
  }
}
