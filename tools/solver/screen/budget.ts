/**
 * What a screen-only bot may spend on one level, and the counter that charges it (issue 10 §1).
 *
 * - LOOKS_PER_POINT = 40: each distinct position the bot looks at (a probe dragged to a new spot, a card or
 *   weight changed so a new decode shows) is one action. 40 per placed point is about what a patient student
 *   drags through before placing one (half a minute at ~1 look a second); a bot that needs more is searching,
 *   not reading the screen.
 * - PLAY_SECONDS = 300: five minutes of play per level, the slot a class gives one level in a 45-minute lesson
 *   (17 levels over about two lessons). Training seconds count in full (CPU seconds of the training, so the
 *   figure does not grow with what else the machine runs), each look LOOK_SECONDS, each Train press / Check
 *   PRESS_SECONDS (reading the result card).
 */
export const LOOKS_PER_POINT = 40;
export const PLAY_SECONDS = 300;
export const LOOK_SECONDS = 1;
export const PRESS_SECONDS = 5;

/** Thrown by a screen when the bot would spend beyond its budget; the runner ends the play there. */
export class OutOfBudget extends Error {
  constructor(what: string) {
    super(`Out of budget: ${what}`);
    this.name = 'OutOfBudget';
  }
}

/** Counts a bot's actions and play seconds against the budget of one level. */
export class PlayClock {
  /** Every charged action: distinct looks, Train presses, Check / submit presses. */
  actions = 0;
  looks = 0;
  presses = 0;
  /** Play seconds: training CPU seconds + LOOK_SECONDS per look + PRESS_SECONDS per press. */
  seconds = 0;
  private readonly seen = new Set<string>();

  /**
   * @param maxLooks distinct looks allowed on this level (LOOKS_PER_POINT × the points / terms it places).
   * @param maxSeconds play seconds allowed.
   */
  constructor(
    readonly maxLooks: number,
    readonly maxSeconds = PLAY_SECONDS,
  ) {}

  /** Charges one look at `key` (a position or expression) unless it was looked at before; false = seen. */
  look(key: string): boolean {
    if (this.seen.has(key)) return false;
    if (this.looks >= this.maxLooks) throw new OutOfBudget(`${this.maxLooks} looks`);
    if (this.seconds + LOOK_SECONDS > this.maxSeconds) throw new OutOfBudget(`${this.maxSeconds} s`);
    this.seen.add(key);
    this.looks++;
    this.actions++;
    this.seconds += LOOK_SECONDS;
    return true;
  }

  /** Checks that a press (Train, Check) may start: some play time must be left. */
  canPress(): void {
    if (this.seconds + PRESS_SECONDS > this.maxSeconds) throw new OutOfBudget(`${this.maxSeconds} s`);
  }

  /** Charges one press plus `trainSeconds` of training (counted even when it overruns: the run was started). */
  press(trainSeconds = 0): void {
    this.presses++;
    this.actions++;
    this.seconds += PRESS_SECONDS + trainSeconds;
  }

  get exhausted(): boolean {
    return this.looks >= this.maxLooks || this.seconds + LOOK_SECONDS > this.maxSeconds;
  }
}
