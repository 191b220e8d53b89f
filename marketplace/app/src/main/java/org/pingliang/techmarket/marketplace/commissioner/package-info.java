/**
 * S&T commissioners (科技特派员, 平政办发〔2017〕66号 third part): selection with the employer's and the
 * served enterprise's consent and the bureau's decision reviewed with HR, the public notice, the
 * appointment letter and the three-party agreement; the electronic archive of services and the
 * yearly filing; teams, demonstration bases and village coverage against the city's targets; the
 * annual evaluation with its 优秀 quota; removal for misconduct (a ban) kept apart from an honest exit.
 * Implements {@link org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster} for service matching.
 */
package org.pingliang.techmarket.marketplace.commissioner;
