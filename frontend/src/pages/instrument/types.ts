import type { Money } from '../../lib/money';

export const INSTRUMENT_CATEGORIES = ['ANALYTICAL', 'TESTING', 'PROCESSING', 'COMPUTING', 'AGRICULTURAL', 'MEDICAL', 'OTHER'] as const;

export interface Instrument {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  model: string;
  category: string;
  description: string;
  location: string;
  countyCode: string;
  hourlyFee: Money;
  bookingRules: string;
  maxHoursPerBooking: number;
  minNoticeHours: number;
  availability: { dayOfWeek: number; startHour: number; endHour: number }[];
  status: 'ACTIVE' | 'WITHDRAWN';
  version: number;
}

export interface Booking {
  id: string;
  instrumentId: string;
  instrumentName: string;
  providerOrganisationId: string;
  providerOrganisationName: string;
  bookerOrganisationId: string;
  bookerOrganisationName: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  fee: Money;
  purpose: string;
  status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
  orderId: string | null;
  checkoutPath: string | null;
}

export interface Slot { startsAt: string; endsAt: string; free: boolean }

/** Local time of Pingliang, as the API's windows and slots are meant. */
export function localTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}
