/**
 * Research-instrument sharing (科研仪器开放共享): universities, research institutes and service
 * providers list their large instruments with weekly availability windows and an hourly fee;
 * anyone browses them; enterprises book whole hours. PostgreSQL refuses overlapping live bookings
 * of one instrument (an exclusion constraint), so two concurrent requests for one slot end in one
 * booking and one 409. A booking is paid through checkout (voucher first, card for the rest):
 * paid confirms it, cancelled releases the slot; once used, the institution marks it completed and
 * credit records the engagement so both sides may rate each other.
 */
package org.pingliang.techmarket.marketplace.instrument;
