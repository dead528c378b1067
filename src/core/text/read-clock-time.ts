/**
 * A time of day written another way ("9am", "4:30pm", "0900", "9"), as the 24-hour "HH:MM" it
 * means: said back to the member as what to type, never taken in its place.
 */
export function meantClockTime(word: string): string | undefined {
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$/i.exec(word);
  const plain = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(word);
  const [hourText, minuteText = '00'] = twelve ? [twelve[1]!, twelve[2]] : plain ? [plain[1]!, plain[2]] : [];
  if (hourText === undefined || Number(minuteText) > 59) return undefined;
  let hour = Number(hourText);
  if (twelve) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (twelve[3]!.toLowerCase() === 'p' ? 12 : 0);
  }
  return hour > 23 ? undefined : `${String(hour).padStart(2, '0')}:${minuteText}`;
}
