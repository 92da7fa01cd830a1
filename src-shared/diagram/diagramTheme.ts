/** The colours an exported diagram is drawn with. */
export interface DiagramTheme {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly edge: string;
  readonly labelBackground: string;
  readonly task: { readonly fill: string; readonly stroke: string };
  readonly service: { readonly fill: string; readonly stroke: string };
  readonly eventType: { readonly fill: string; readonly stroke: string };
  readonly start: string;
  readonly end: string;
  readonly event: { readonly fill: string; readonly stroke: string };
  readonly throwEvent: { readonly fill: string; readonly symbol: string };
  readonly boundary: string;
  readonly gateway: { readonly fill: string; readonly stroke: string; readonly symbol: string };
  readonly subProcessFill: string;
  readonly group: string;
  readonly lane: { readonly fill: string; readonly stroke: string };
  readonly annotation: string;
  readonly marker: {
    readonly compensation: string;
    readonly pivot: string;
    readonly retry: string;
    readonly timeout: string;
  };
}

/** The canvas' colours (src-renderer/styles.css), on white. */
export const lightTheme: DiagramTheme = {
  background: '#ffffff',
  text: '#1d2330',
  muted: '#5c6475',
  edge: '#6b7385',
  labelBackground: '#ffffff',
  task: { fill: '#ffffff', stroke: '#3b4252' },
  service: { fill: '#f0f6ff', stroke: '#3567c7' },
  eventType: { fill: '#fff7e6', stroke: '#c9861a' },
  start: '#2f9e59',
  end: '#c62f3b',
  event: { fill: '#ffffff', stroke: '#5c6475' },
  throwEvent: { fill: '#3b4252', symbol: '#ffffff' },
  boundary: '#b7791f',
  gateway: { fill: '#fffaf0', stroke: '#b7791f', symbol: '#7a4f12' },
  subProcessFill: '#ffffff',
  group: '#8a90a0',
  lane: { fill: '#f6f7f9', stroke: '#c9cdd6' },
  annotation: '#5c6475',
  marker: { compensation: '#1f8a4c', pivot: '#8a4fd6', retry: '#5c6475', timeout: '#5c6475' },
};

/** The same diagram for a dark page or slide. */
export const darkTheme: DiagramTheme = {
  background: '#161a22',
  text: '#e6e9ef',
  muted: '#a3abbd',
  edge: '#8f97a8',
  labelBackground: '#161a22',
  task: { fill: '#202633', stroke: '#c5cad6' },
  service: { fill: '#1b2740', stroke: '#6f9cf0' },
  eventType: { fill: '#33291a', stroke: '#e0a54a' },
  start: '#4cc27e',
  end: '#ef5a66',
  event: { fill: '#202633', stroke: '#a3abbd' },
  throwEvent: { fill: '#c5cad6', symbol: '#161a22' },
  boundary: '#e0a54a',
  gateway: { fill: '#2c2618', stroke: '#e0a54a', symbol: '#f2c77a' },
  subProcessFill: '#1c212c',
  group: '#8f97a8',
  lane: { fill: '#1c212c', stroke: '#3a4152' },
  annotation: '#a3abbd',
  marker: { compensation: '#4cc27e', pivot: '#b88af0', retry: '#a3abbd', timeout: '#a3abbd' },
};
