import type * as Phaser from 'phaser';
import { FONT_FAMILY, type Rect } from './theme';
import { Widget, type Focusable, type BaseWidgetEvents } from './Widget';

export interface TextFieldConfig extends Rect {
  id: string;
  /** The element's DOM id (labels, browser tests). */
  domId: string;
  label: string;
  value?: string;
  maxLength: number;
  /** 'characters' for join codes (phones show capitals). */
  autocapitalize?: 'off' | 'characters' | 'words';
  autocomplete?: string;
}

type TextFieldEvents = BaseWidgetEvents & { submit: []; input: [string] };

/**
 * A real <input> placed over the canvas through Phaser's DOM container: phones and tablets open their own
 * keyboard, screen readers read the label, paste works. Enter emits 'submit'. In the focus order it hands the
 * keyboard to the element (the FocusManager ignores keys typed into it).
 */
export class TextField extends Widget<TextFieldEvents> implements Focusable {
  readonly input: HTMLInputElement;
  private readonly dom: Phaser.GameObjects.DOMElement;

  constructor(scene: Phaser.Scene, config: TextFieldConfig) {
    super(scene, config.id, config);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = config.domId;
    input.value = config.value ?? '';
    input.maxLength = config.maxLength;
    input.spellcheck = false;
    input.setAttribute('aria-label', config.label);
    input.setAttribute('autocapitalize', config.autocapitalize ?? 'off');
    input.setAttribute('autocomplete', config.autocomplete ?? 'off');
    input.setAttribute('autocorrect', 'off');
    Object.assign(input.style, {
      boxSizing: 'border-box',
      width: `${config.width}px`,
      height: `${config.height}px`,
      padding: '0 14px',
      font: `600 ${Math.round(config.height * 0.42)}px ${FONT_FAMILY}`,
      color: '#e8edf7',
      background: '#1d2842',
      border: '2px solid #3a4866',
      borderRadius: '8px',
      outline: 'none',
      letterSpacing: config.autocapitalize === 'characters' ? '0.18em' : 'normal',
    } satisfies Partial<CSSStyleDeclaration>);
    input.addEventListener('focus', () => {
      input.style.borderColor = '#ffd166';
      this.events.emit('pointerfocus');
    });
    input.addEventListener('blur', () => {
      input.style.borderColor = '#3a4866';
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.events.emit('submit');
      }
    });
    input.addEventListener('input', () => this.events.emit('input', input.value));
    this.input = input;
    this.dom = this.track(scene.add.dom(config.x, config.y, input).setOrigin(0, 0));
  }

  get value(): string {
    return this.input.value;
  }

  setValue(value: string): this {
    this.input.value = value;
    return this;
  }

  canFocus(): boolean {
    return this.enabled && this.dom.visible;
  }

  setFocused(focused: boolean): void {
    if (focused && document.activeElement !== this.input) this.input.focus({ preventScroll: true });
    if (!focused && document.activeElement === this.input) this.input.blur();
  }

  handleKey(): boolean {
    return false;
  }

  protected redraw(): void {
    this.dom.setPosition(this.rect.x, this.rect.y);
    this.input.disabled = !this.enabled;
    this.input.style.opacity = this.enabled ? '1' : '0.5';
  }
}
