// Multi-step QuickPick/InputBox wizards: one question per step, "Step n of m" in the title, a
// Back button, validation as the user types, and nothing written until the last answer. Steps
// that do not apply to the answers so far are skipped (and not counted).
import { Disposable, QuickInputButtons, window, type QuickInputButton, type QuickPickItem } from 'vscode';

/** Thrown by a question when the user pressed Back. */
class BackPressed extends Error {}
/** Thrown by a question when the user closed the wizard (Escape, or focus moved away and back). */
class Cancelled extends Error {}

/** A choice of a pick question. */
export interface Choice<T> extends QuickPickItem {
  value: T;
}

/** The questions a step can ask (one per step). */
export interface Ask {
  /** One choice among `items`; `active` is the value focused at first. */
  pick<T>(o: { placeholder: string; items: Choice<T>[]; active?: T }): Promise<T>;
  /** Any number of `items`; `selected` are checked at first. `allowNone` accepts an empty selection. */
  pickMany<T>(o: { placeholder: string; items: Choice<T>[]; selected: T[]; allowNone?: boolean }): Promise<T[]>;
  /** A line of text, accepted only when `validate` returns undefined. */
  text(o: { prompt: string; value?: string; placeholder?: string; validate: (value: string) => string | undefined }): Promise<string>;
}

/** One step: asks its question and stores the answer in the state. */
export interface Step<S> {
  /** Whether the step applies to the answers so far (default: always). */
  when?: (state: S) => boolean;
  ask: (ask: Ask, state: S) => Promise<void>;
}

/**
 * Runs the steps in order. Back returns to the previous step that ran (its earlier answer is
 * shown again where the question can show it). Resolves with the state, or undefined when the
 * user cancelled.
 */
export async function runSteps<S>(title: string, steps: readonly Step<S>[], state: S): Promise<S | undefined> {
  const history: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (step.when && !step.when(state)) {
      i++;
      continue;
    }
    const applicable = steps.filter((s) => !s.when || s.when(state)).length;
    const ask = new QuickInputAsk(title, history.length + 1, Math.max(applicable, history.length + 1));
    try {
      await step.ask(ask, state);
      history.push(i);
      i++;
    } catch (e) {
      if (e instanceof BackPressed) {
        i = history.pop() ?? 0;
        continue;
      }
      if (e instanceof Cancelled) return undefined;
      throw e;
    }
  }
  return state;
}

/** The questions, as QuickPick and InputBox widgets of one wizard step. */
class QuickInputAsk implements Ask {
  constructor(
    private readonly title: string,
    private readonly step: number,
    private readonly totalSteps: number,
  ) {}

  private get buttons(): QuickInputButton[] {
    return this.step > 1 ? [QuickInputButtons.Back] : [];
  }

  pick<T>(o: { placeholder: string; items: Choice<T>[]; active?: T }): Promise<T> {
    const qp = window.createQuickPick<Choice<T>>();
    Object.assign(qp, { title: this.title, step: this.step, totalSteps: this.totalSteps, placeholder: o.placeholder, items: o.items, buttons: this.buttons, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
    const active = o.items.find((it) => it.value === o.active);
    if (active) qp.activeItems = [active];
    return this.show(qp, (resolve) => qp.onDidAccept(() => qp.selectedItems[0] && resolve(qp.selectedItems[0].value)));
  }

  pickMany<T>(o: { placeholder: string; items: Choice<T>[]; selected: T[]; allowNone?: boolean }): Promise<T[]> {
    const qp = window.createQuickPick<Choice<T>>();
    Object.assign(qp, { title: this.title, step: this.step, totalSteps: this.totalSteps, placeholder: o.placeholder, items: o.items, canSelectMany: true, buttons: this.buttons, ignoreFocusOut: true, matchOnDescription: true });
    qp.selectedItems = o.items.filter((it) => o.selected.includes(it.value));
    return this.show(qp, (resolve) =>
      qp.onDidAccept(() => {
        if (qp.selectedItems.length === 0 && !o.allowNone) {
          void window.showWarningMessage('Choose at least one.');
          return;
        }
        resolve(qp.selectedItems.map((it) => it.value));
      }),
    );
  }

  text(o: { prompt: string; value?: string; placeholder?: string; validate: (value: string) => string | undefined }): Promise<string> {
    const box = window.createInputBox();
    Object.assign(box, { title: this.title, step: this.step, totalSteps: this.totalSteps, prompt: o.prompt, value: o.value ?? '', placeholder: o.placeholder, buttons: this.buttons, ignoreFocusOut: true });
    // An empty box is not scolded while the user has not typed yet; Enter still validates it.
    const check = () => (box.validationMessage = box.value === '' ? undefined : o.validate(box.value));
    check();
    return this.show(box, (resolve) =>
      Disposable.from(
        box.onDidChangeValue(check),
        box.onDidAccept(() => {
          const problem = o.validate(box.value);
          box.validationMessage = problem;
          if (!problem) resolve(box.value.trim());
        }),
      ),
    );
  }

  /** Shows a widget until it is accepted (through `accept`), Back is pressed, or it is hidden. */
  private show<T>(
    widget: { onDidTriggerButton: (l: (b: QuickInputButton) => void) => Disposable; onDidHide: (l: () => void) => Disposable; show(): void; dispose(): void },
    accept: (resolve: (value: T) => void) => Disposable,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
        disposables.dispose();
        widget.dispose();
      };
      const disposables = Disposable.from(
        accept((value) => finish(() => resolve(value))),
        widget.onDidTriggerButton((b) => b === QuickInputButtons.Back && finish(() => reject(new BackPressed()))),
        widget.onDidHide(() => finish(() => reject(new Cancelled()))),
      );
      widget.show();
    });
  }
}
