import { DemoRandom } from './demo-random';

// Names and villages as they appear on the lists of Thanh Sơn (Phú Thọ): Mường family names
// (Hà, Đinh, Bùi, Quách, Xa) beside Kinh ones, and Dao households in the upland villages.
const FAMILY = ['Hà', 'Đinh', 'Bùi', 'Quách', 'Xa', 'Nguyễn', 'Trần', 'Lê', 'Phùng', 'Triệu', 'Đặng', 'Hoàng', 'Lý', 'Cao', 'Phạm'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Công', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh'];
const GIVEN_MALE = ['Sơn', 'Tám', 'Đức', 'Hùng', 'Khoa', 'Lực', 'Mạnh', 'Nghĩa', 'Quyết', 'Thắng', 'Toản', 'Việt', 'Dũng', 'Cường', 'Phúc'];
const GIVEN_FEMALE = ['Hường', 'Nguyệt', 'Lan', 'Mai', 'Nga', 'Thoa', 'Xuyến', 'Hằng', 'Liên', 'Phượng', 'Yến', 'Duyên', 'Hạnh'];

/** Ethnicities of the district with rough shares; Kinh is the majority group, the others are minorities. */
export const ETHNICITIES: readonly (readonly [string, number])[] = [['Mường', 55], ['Kinh', 35], ['Dao', 8], ['Tày', 2]];

const VILLAGES = ['Xóm Đồng', 'Xóm Mít', 'Xóm Dụ', 'Xóm Chiềng', 'Xóm Bương', 'Xóm Lấp', 'Xóm Giữa', 'Xóm Nà Thíp', 'Xóm Liên Hồng', 'Xóm Tân Lập'];

/** A head of household: name, sex and birth year. */
export interface DemoHead {
  readonly name: string;
  readonly female: boolean;
  readonly birthDate: string;
  readonly ethnicity: string;
}

export function demoHead(random: DemoRandom): DemoHead {
  const female = random.chance(0.3);
  const ethnicity = random.weighted(ETHNICITIES);
  const family = ethnicity === 'Dao' ? random.pick(['Triệu', 'Đặng', 'Lý', 'Bàn']) : random.pick(FAMILY);
  const name = `${family} ${random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${random.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
  const birthDate = `${random.int(1945, 2000)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  return { name, female, birthDate, ethnicity };
}

/** A citizen ID of the right shape: Phú Thọ birth registration (025), century and sex, birth year, six digits. */
export function demoCitizenId(random: DemoRandom, head: DemoHead): string {
  const year = Number(head.birthDate.slice(0, 4));
  const centuryAndSex = (year >= 2000 ? 2 : 0) + (head.female ? 1 : 0);
  return `025${centuryAndSex}${String(year % 100).padStart(2, '0')}${String(random.int(0, 999_999)).padStart(6, '0')}`;
}

export const demoVillage = (random: DemoRandom): string => random.pick(VILLAGES);

export const pad = (n: number): string => String(n).padStart(2, '0');
