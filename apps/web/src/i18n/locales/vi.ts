/** Vietnamese: the default and reference language. Every other locale has exactly these keys. */
export const vi = {
  app: {
    name: 'Bình dân học vụ số',
    tagline: 'Học tập số Hải Phòng',
    fullName: 'Bình dân học vụ số — Học tập số Hải Phòng',
    owner: 'Ngành Giáo dục và Đào tạo Hải Phòng',
    pageTitle: '{{page}} · Bình dân học vụ số',
  },
  skipLink: 'Bỏ qua, đến nội dung chính',
  nav: {
    label: 'Điều hướng chính',
    home: 'Trang chủ',
    status: 'Tình trạng hệ thống',
  },
  language: {
    label: 'Chọn ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  home: {
    title: 'Trang chủ',
    heading: 'Học kỹ năng số cho mọi người',
    lead:
      'Nền tảng học tập trực tuyến của phong trào “Bình dân học vụ số” ngành Giáo dục Hải Phòng: bài học ngắn, dễ hiểu, học được trên điện thoại hay máy tính, theo Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT).',
    notice: 'Nền tảng đang được xây dựng. Chức năng đăng nhập và các khoá học sẽ sớm có mặt.',
    audienceHeading: 'Dành cho ai?',
    audiences: {
      students: {
        title: 'Học sinh, sinh viên',
        text: 'Học các bài phù hợp với lớp của mình, trong đó có bài về an toàn trên mạng.',
      },
      parents: {
        title: 'Phụ huynh',
        text: 'Khoá học ngắn về VNeID, dịch vụ công trực tuyến, thanh toán số và cách phòng tránh lừa đảo.',
      },
      teachers: {
        title: 'Giáo viên, cán bộ, nhân viên',
        text: 'Tự học kỹ năng số, giao bài cho lớp và theo dõi tiến độ của từng học sinh.',
      },
      managers: {
        title: 'Cán bộ quản lý',
        text: 'Theo dõi kết quả của đơn vị, xã, phường và lập báo cáo theo các chỉ tiêu của Kế hoạch.',
      },
    },
    statusLink: 'Xem tình trạng hệ thống',
  },
  status: {
    title: 'Tình trạng hệ thống',
    heading: 'Tình trạng hệ thống',
    intro: 'Trang này kiểm tra xem máy chủ và các dịch vụ của nền tảng có sẵn sàng phục vụ hay không.',
    checking: 'Đang kiểm tra…',
    ready: 'Hệ thống sẵn sàng phục vụ.',
    notReady: 'Hệ thống chưa sẵn sàng: một số dịch vụ đang gặp sự cố.',
    shuttingDown: 'Hệ thống đang tạm dừng để khởi động lại hoặc bảo trì.',
    unreachable: 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    unexpected: 'Máy chủ trả lời không như mong đợi. Vui lòng thử lại sau.',
    responseCode: 'Mã phản hồi: {{code}}.',
    componentsHeading: 'Chi tiết từng dịch vụ',
    componentUp: 'hoạt động bình thường',
    componentDown: 'đang gặp sự cố',
    componentOther: 'trạng thái “{{status}}”',
    checkedAt: 'Kiểm tra lúc {{time}}.',
    retry: 'Kiểm tra lại',
    components: {
      accepting: 'Nhận yêu cầu mới',
      database: 'Cơ sở dữ liệu',
      storage: 'Kho lưu trữ tệp',
      jobs: 'Hàng đợi tác vụ',
      queue: 'Hàng đợi tác vụ',
      redis: 'Máy chủ Redis',
      memory: 'Bộ nhớ',
      disk: 'Ổ đĩa',
    },
  },
  notFound: {
    title: 'Không tìm thấy trang',
    heading: 'Không tìm thấy trang',
    text: 'Địa chỉ bạn mở không có trên hệ thống. Có thể đường dẫn bị gõ sai hoặc trang đã được chuyển đi nơi khác.',
    home: 'Về trang chủ',
  },
  footer: {
    about: 'Nền tảng học tập số phục vụ phong trào “Bình dân học vụ số” của ngành Giáo dục và Đào tạo Hải Phòng.',
    framework: 'Nội dung học tập gắn với Khung năng lực số cho người học theo Thông tư 02/2025/TT-BGDĐT.',
  },
};

/** The shape every locale must have: the same keys as Vietnamese, any strings. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof vi>;
