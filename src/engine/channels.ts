/**
 * Channels: the named paths through which a setting or a mechanism acts on the model. Each
 * setting acts through the few channels its sources name, and each channel can be knocked out
 * by name (`parameters.knockouts`), so that an experiment can say which channel carries an
 * effect: run it with and without the channel.
 *
 * A knocked-out channel takes its neutral value, stated in `off`. Knocking a channel out
 * changes nothing else: the other channels of the same setting keep acting.
 */

export interface Channel {
  /** `<setting or mechanism>.<what it does>`, the name used in `parameters.knockouts`. */
  readonly name: string;
  /** The setting (or mechanism) whose effect the channel carries. */
  readonly of: string;
  /** What the channel does. */
  readonly does: string;
  /** What happens instead when it is knocked out. */
  readonly off: string;
  /** Where the channel comes from. */
  readonly source: string;
}

export const CHANNELS = [
  {
    name: 'initiation.appointed',
    of: 'initiation',
    does: 'Top-down founders are appointed by management at random from the target group.',
    off: 'Top-down founders self-select as bottom-up ones do.',
    source: 'interview study 4.3 Initiation',
  },
  {
    name: 'initiation.launchPulse',
    of: 'initiation',
    does: 'A top-down launch (and a later recognition) starts an announcement pulse that decays over `parameters.recruitment.pulseWeeks`.',
    off: 'No pulse.',
    source: 'model brief 2 (initiation: launch pulse); seeds/002 ("organisation-wide channels to advertise the group")',
  },
  {
    name: 'acceptance.protection',
    of: 'acceptance',
    does: 'Approval or initiation protects a share `parameters.timeBudget.recognitionProtection` of the unprotected funded hours.',
    off: 'Acceptance protects no time.',
    source: 'model brief 2 (acceptance: protection of time); interview study 4.3 Organizational Acceptance',
  },
  {
    name: 'acceptance.visibility',
    of: 'acceptance',
    does: 'Management promotion carries announcements to the whole eligible pool, with a reach by acceptance.',
    off: 'Every CoP has the reach of an approved one.',
    source: 'interview study 4.3 Organizational Support ("management promotes (some) CoPs actively"); seeds/001 (the sponsor provides visibility)',
  },
  {
    name: 'decisionPower.autonomy',
    of: 'decisionPower',
    does: 'Decision power raises the motivation target (autonomy).',
    off: 'Decision power adds nothing to motivation.',
    source: 'Gagné & Deci 2005 (autonomy); interview study 4.3 Decision-Making Power',
  },
  {
    name: 'decisionPower.value',
    of: 'decisionPower',
    does: 'Decision power raises the value of taking part in a meeting.',
    off: 'Decision power adds nothing to meeting value.',
    source: 'model brief 2 (decision power: value of taking part); interview study 4.3',
  },
  {
    name: 'participation.compliance',
    of: 'participation',
    does: 'Expected and mandatory participation add compliance terms to the attendance choice, and a mandate displaces project work.',
    off: 'No compliance terms and no displacement: attendance is a free choice.',
    source: 'Gagné & Deci 2005 (controlled motivation)',
  },
  {
    name: 'participation.enrolment',
    of: 'participation',
    does: 'A mandate enrols the whole target group and keeps those it enrolled from leaving while it lasts.',
    off: 'People join as under voluntary participation.',
    source: 'interview study 4.3 Participation; Šmite et al. (mandates ensure representation)',
  },
  {
    name: 'participation.crowdingOut',
    of: 'participation',
    does: 'Compliance pressure makes the unwilling feel controlled: it erodes their motivation, slows their habit and discounts the value they credit to the CoP.',
    off: 'Nobody feels controlled: no erosion, habit and value as under voluntary participation.',
    source: 'Deci, Koestner & Ryan 1999; Stukas, Snyder & Clary 1999; Gardner & Lally 2013',
  },
  {
    name: 'participation.climate',
    of: 'participation',
    does: 'Compliance pressure lowers the climate of psychological safety.',
    off: 'Participation does not touch the climate.',
    source: 'model brief 3.5 (safety falls with mandate); seeds/001 (compulsory participation destroys the learning space)',
  },
  {
    name: 'steering.topicFit',
    of: 'steering',
    does: 'Management\'s agenda replaces members\' own topics in proportion to steering, which fits only those aligned with it.',
    off: 'Topic fit is members\' own interest whatever the steering.',
    source: 'seeds/001 ("unclear purpose", "management dictates topics")',
  },
  {
    name: 'steering.crowdingOut',
    of: 'steering',
    does: 'Steering erodes the motivation of the unwilling and misaligned.',
    off: 'No erosion from steering.',
    source: 'seeds/001 ("excessive external control"); Deci, Koestner & Ryan 1999',
  },
  {
    name: 'steering.climate',
    of: 'steering',
    does: 'Steering lowers the climate of psychological safety: management controls what may be said.',
    off: 'Steering does not touch the climate.',
    source: 'model brief 3.5 (safety falls with steering); seeds/001 ("excessive external control")',
  },
  {
    name: 'support.fundedTime',
    of: 'support',
    does: 'Funded hours, as far as protected, add to the slack available for the CoP.',
    off: 'No protected hours.',
    source: 'interview study 4.3 Organizational Support; seeds/001 ("not enough time"); Perlow 1999',
  },
  {
    name: 'support.externalContent',
    of: 'support',
    does: 'A budget pays for external sessions that bring content to meetings.',
    off: 'No external sessions.',
    source: 'interview study 4.3 Organizational Support (external guest speakers); seeds/003',
  },
  {
    name: 'lead.organising',
    of: 'lead',
    does: 'A lead organises each planned meeting when their lead hours and slack allow.',
    off: 'Meetings are organised by volunteers, as in a CoP without a lead.',
    source: 'seeds/001 (community lead organises meetings); Wenger, McDermott & Snyder 2002 (the coordinator)',
  },
  {
    name: 'lead.content',
    of: 'lead',
    does: 'A lead prepares content for each meeting.',
    off: 'The lead prepares nothing.',
    source: 'seeds/001 ("prepare topics")',
  },
  {
    name: 'lead.welcome',
    of: 'lead',
    does: 'A lead who welcomes newcomers introduces each to members at their first meeting, forming ties.',
    off: 'No introductions.',
    source: 'Joyce & Kraut 2006',
  },
  {
    name: 'lead.climate',
    of: 'lead',
    does: 'A lead who coaches the group raises the climate of psychological safety.',
    off: 'The lead adds nothing to the climate.',
    source: 'model brief 3.5 (safety rises with lead coaching); seeds/002 (getting-to-know exercises)',
  },
  {
    name: 'coach.climate',
    of: 'coach',
    does: 'An agile coach raises the climate of psychological safety.',
    off: 'The coach adds nothing to the climate.',
    source: 'interview study 4.3 Organizational Support (Agile Coaches support CoPs); Edmondson 1999',
  },
  {
    name: 'format.speaking',
    of: 'presentationShare',
    does: 'Presentation time leaves attendees only the plenary\'s airtime to speak in; exchange time gives them their breakout group\'s.',
    off: 'All meeting time counts as exchange for speaking.',
    source: 'seeds/001 ("too much presentation, too little exchange"); seeds/003',
  },
  {
    name: 'format.ties',
    of: 'presentationShare',
    does: 'Ties form in the exchange part of a meeting, in proportion to its share of the time.',
    off: 'Ties form as if the whole meeting were exchange.',
    source: 'seeds/001, seeds/002 (getting to know each other needs exchange)',
  },
  {
    name: 'regularity.habit',
    of: 'regularity',
    does: 'An irregular rhythm slows the forming of habit.',
    off: 'Habit forms at the regular rate whatever the rhythm.',
    source: 'Lally et al. 2010 (a stable context); seeds/001 (irregular meetings)',
  },
  {
    name: 'network.wordOfMouth',
    of: 'recruitment',
    does: 'Satisfied members recommend the CoP to the people they have ties with (and invite them to a closed CoP).',
    off: 'No word of mouth and no invitations.',
    source: 'Bass 1969 (imitation); model brief 3.9',
  },
  {
    name: 'network.belonging',
    of: 'meeting value',
    does: 'Belonging comes from ties to members who come to meetings.',
    off: 'Belonging is 0.',
    source: 'Wenger, McDermott & Snyder 2002 (community); seeds/001 (relationships)',
  },
  {
    name: 'network.familiarity',
    of: 'psychological safety',
    does: 'Attendees who know each other raise the climate of psychological safety.',
    off: 'Familiarity adds nothing to the climate.',
    source: 'seeds/002 ("hard to establish psychological safety between strangers"); Edmondson 1999',
  },
  {
    name: 'safety.speakingUp',
    of: 'contributions',
    does: 'People speak up in proportion to how safe they feel.',
    off: 'Everyone speaks up as if fully safe.',
    source: 'Edmondson 1999',
  },
  {
    name: 'time.capabilityTrap',
    of: 'time budget',
    does: 'Hours saved by reuse come back as slack the next week.',
    off: 'Saved hours do not come back.',
    source: 'Repenning & Sterman 2001, 2002',
  },
] as const satisfies readonly Channel[];

export type ChannelName = (typeof CHANNELS)[number]['name'];

/** Which channels are on: `true` for every channel not knocked out. */
export type ChannelFlags = { readonly [K in ChannelName]: boolean };

/**
 * The channel flags of a list of knock-outs. Pure.
 *
 * @example channelFlags(['lead.welcome'])['lead.welcome'] // false
 */
export function channelFlags(knockouts: readonly string[]): ChannelFlags {
  const off = new Set(knockouts);
  return Object.fromEntries(CHANNELS.map((c) => [c.name, !off.has(c.name)])) as unknown as ChannelFlags;
}
