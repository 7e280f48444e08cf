/** Script answers may name the buyer or the order: "{buyer}，您的订单 {order_id} 已发出". */
export interface PlaceholderValues {
  buyer?: string;
  order_id?: string;
}

/** Fill known placeholders; unknown or missing ones stay visible so the agent sees what to type. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(buyer|order_id)\}/g, (m, key: keyof PlaceholderValues) => values[key]?.trim() || m);
}
