"""Seed the topic vocabulary: the topics community papers write about, their variants and cues.

A frozen copy of articles/textintel/data/topics.txt as it was when this migration was written (a
migration must not read the application's live files). Words an editor added or changed keep
what the editor set; seeded words take the topic's form.
"""

from django.db import migrations

# name kind [= variants] [; cues]; kind "word": a word kept whole that is not a topic.
TOPICS = """
垃圾分类 programme = 生活垃圾分类 垃圾分类工作 垃圾分类减量 生活垃圾分类减量 分类减量 垃圾分类投放 垃圾分类示范 垃圾分类实效 ; 湿垃圾 干垃圾 可回收物 有害垃圾 厨余垃圾 定时定点 桶边督导 分类投放 垃圾箱房 两网融合 分类驳运 误时投放 分类实效 源头减量 绿色账户
加装电梯 programme = 加梯 电梯加装 既有多层住宅加装电梯 老公房加装电梯 加梯工作 加装电梯工作 加梯工程 加装电梯工程 ; 既有多层住宅 加梯办 加梯专班 悬空老人 电梯房 意见征询 能加尽加 愿加快加 电梯 老公房
旧区改造 programme = 旧改 旧区改造工作 二级旧里改造 ; 旧里 二级旧里 房屋征收 征收地块 签约率 动迁
老旧小区改造 programme = 旧住房改造 旧住房综合改造 旧住房成套改造 成套改造 老旧小区综合改造 小区综合改造 老小区改造 ; 屋面 外立面 房屋修缮
美丽家园 programme = 美丽家园建设 美丽家园工程 美丽家园项目
美丽街区 programme = 美丽街区建设
精品小区 programme = 精品小区建设 精品小区改造
城市更新 term = 城市有机更新 有机更新
美丽乡村 programme = 美丽乡村建设 美丽乡村示范村 美丽庭院 美丽庭院建设 ; 村容村貌 乡村风貌
乡村振兴 programme = 乡村振兴战略 乡村振兴示范村 乡村振兴工作 振兴乡村 ; 美丽乡村 农民增收 乡村产业 乡村旅游 民宿
农村人居环境 term = 农村人居环境整治 人居环境整治 农村人居环境优化 ; 村容村貌 宅前屋后 生活污水
农民相对集中居住 programme = 相对集中居住 集中居住 ; 宅基地 平移
河长制 programme = 河长 湖长制 河长制工作 河湖长制 ; 巡河 河道保洁 一河一策
林长制 programme = 林长
河道整治 programme = 河道综合整治 河道治理 中小河道整治 中小河道综合整治 黑臭水体 黑臭河道 劣五类水体 水环境治理 水环境整治 ; 河道 水质 水体 清淤 河岸
雨污分流 programme = 雨污混接改造 雨污混接 雨污混接整治 ; 污水管网 混接点
水源保护 programme = 水源保护区 水源地保护 二级水源保护区 饮用水水源保护区 水源地 ; 清拆
五违四必 programme = 五违四必整治 五违四必区域环境综合整治
拆违 programme = 违法建筑 违章建筑 拆除违法建筑 违建 无违建 无违建创建 违法建筑拆除 拆违工作 ; 拆除 违法搭建 违建面积
环境整治 programme = 环境综合整治 综合整治 环境卫生整治 市容环境整治 市容整治 环境治理 环境卫生综合整治 ; 乱堆物 乱张贴 乱设摊 卫生死角 小广告 跨门营业 占道经营
背街小巷 programme = 背街小巷整治 背街小巷综合整治 背街小巷治理
一网统管 programme = 城市运行一网统管 ; 城运中心 城运 城市运行
一网通办 programme = 政务服务一网通办 ; 随申办 政务服务
12345热线 programme = 12345 12345市民服务热线 市民服务热线 市民热线 ; 工单
停车难 term = 停车难题 停车治理 停车难问题 停车矛盾 ; 停车位 车位 停车场 错峰停车 共享停车
电动自行车 term = 电动车 电瓶车 电动自行车充电 电动车充电 电动自行车管理 电动自行车安全 ; 飞线充电 充电桩 集中充电 充电棚 上楼入户
高空抛物 term = 高空抛物坠物 高空坠物 高空抛物治理
群租整治 programme = 群租 群租房 群租房整治 群租治理
物业管理 term = 物业服务 物业 住宅小区物业管理 ; 物业公司 物业费
业委会 body = 业主委员会 业主大会 ; 业主
无废城市 programme = 无废城市建设 无废细胞
节能减排 term = 低碳 绿色低碳 碳达峰 碳中和 低碳生活 双碳 ; 节能 减排
绿化 term = 绿化建设 绿化养护 增绿 见缝插绿 ; 绿地 花坛 绿化带
口袋公园 facility = 街心公园 小微公园
公园城市 term = 公园城市建设 ; 公园
生态环境保护 term = 生态环境 环境保护 环保 ; 污染 环境监测
安全生产 term = 安全生产工作 安委会 安全生产委员会 安全生产月 安全生产检查 安全检查 安全联合检查 安全隐患排查 隐患排查整治 安全隐患专项排查整治 ; 隐患排查 安全隐患 特种设备 危化品 危险化学品 有限空间 工地 施工安全 事故隐患 三管三必须
消防安全 term = 消防 消防工作 火灾隐患 消防隐患 消防安全隐患 消防安全检查 消防安全宣传 防火 冬季防火 全国消防日 消防宣传月 119消防宣传月 ; 消防通道 生命通道 灭火器 微型消防站 消防微站 消防演练 火灾 消防设施 消防救援
燃气安全 term = 燃气 瓶装液化气 液化气 燃气泄漏 城镇燃气 ; 燃气报警器 燃气管道 钢瓶
防汛防台 term = 防台防汛 防汛 防台 汛期 防汛防台工作 抗台 防台风 防汛工作 防汛抢险 防汛演练 防台演练 主汛期 ; 台风 暴雨 潮位 积水 排水 防汛物资 抢险 强降雨 泵站 降雨 大风 高潮位 风暴潮
应急演练 term = 应急疏散演练 疏散演练 应急处置演练 综合应急演练 ; 演练 应急预案
平安建设 term = 平安社区 平安创建 平安建设工作 平安小区 平安志愿者 ; 治安 综治 巡逻 群防群治 治安防控
扫黑除恶 programme = 扫黑除恶专项斗争 常态化扫黑除恶
反诈 programme = 反电诈 防范电信诈骗 防诈骗 电信网络诈骗 防范诈骗 反诈骗 反诈宣传 防范电信网络诈骗 防骗 ; 诈骗 骗局 刷单 反诈中心 国家反诈中心
禁毒 programme = 禁毒宣传 禁毒工作 毒品预防教育 全民禁毒 国际禁毒日 禁毒日 ; 毒品
交通安全 term = 道路交通安全 文明交通 交通文明 交通安全宣传 ; 交通违法 头盔 酒驾
食品安全 term = 食品安全工作 食安 食品安全检查 食品安全宣传周 ; 食品
法治宣传 programme = 普法 普法宣传 法治宣传教育 宪法宣传 宪法宣传周 法治建设 法治社区 民法典宣传 国家宪法日 宪法日 ; 民法典 法律法规 法律咨询
人民调解 term = 调解 矛盾纠纷调解 矛盾调解 矛盾纠纷化解 化解矛盾 调解工作 ; 纠纷 调解员 调解委员会
信访 term = 信访工作 信访维稳 信访接待 ; 来访
疫情防控 term = 防疫 抗疫 新冠肺炎疫情防控 常态化疫情防控 疫情防控工作 疫情防控阻击战 新冠疫情 新冠肺炎疫情 ; 核酸 核酸检测 核酸筛查 封控 隔离 口罩 防疫物资 测温 场所码 随申码
疫苗接种 term = 新冠疫苗接种 接种疫苗 疫苗 ; 接种
爱国卫生运动 programme = 爱国卫生 爱国卫生月 爱国卫生义务劳动 爱国卫生运动月 爱国卫生义务劳动日 ; 病媒 病媒生物 灭鼠 灭蟑 卫生死角
应急救护 term = 应急救护培训 急救 急救培训 自动体外除颤器 AED ; 心肺复苏
房屋安全 term = 房屋安全隐患 危房
为老服务 term = 助老 敬老 爱老 关爱老人 养老服务 养老 孝亲敬老 爱老助老 敬老爱老 尊老敬老 为老服务工作 关爱老年人 老年服务 助老服务 敬老助老 养老服务工作 关心老人 关爱高龄老人 关爱独居老人 关爱空巢老人 敬老孝亲 爱老敬老 尊老爱老 扶老助老 老年人服务 为老服务体系 养老服务体系 ; 老年人 高龄老人 独居老人 孤老 空巢 空巢老人 纯老家庭 长者 银发 高龄
老伙伴计划 programme = 老伙伴 老伙伴志愿者 老伙伴计划志愿者 低龄老人关爱高龄老人 低龄助高龄 ; 低龄老人 高龄老人 结对关爱
社区食堂 facility = 长者食堂 老年食堂 老年助餐 助餐点 助餐服务 社区助餐 助餐 老年助餐点 社区长者食堂 老年助餐服务 爱心食堂 ; 用餐 就餐 送餐 菜品
敬老日 event = 上海市敬老日 敬老月 全国敬老月 敬老节
重阳节 event = 重阳 九九重阳
综合为老服务中心 facility = 为老服务中心 社区综合为老服务中心
长者照护之家 facility = 照护之家
日间照料中心 facility = 老年人日间照料中心 社区日间照料中心 日托 老年日托 社区托养
养老院 facility = 敬老院 养老机构 福利院
居家养老 term = 居家养老服务 社区居家养老 居家照护 ; 上门服务
适老化改造 programme = 适老化 居家适老化改造 适老化改造工程
认知症友好社区 programme = 认知症 认知障碍 认知症友好 阿尔茨海默病 ; 记忆
长护险 programme = 长期护理保险 长护险服务
智慧助老 programme = 数字助老 数字鸿沟 跨越数字鸿沟 智能技术运用 数字伙伴计划 助老数字化 ; 智能手机 银发课堂
老年大学 facility = 老年学校 社区老年大学 老年大学分校
家庭医生 programme = 家庭医生签约 家庭医生签约服务 家庭医生服务 ; 签约居民
社区卫生服务中心 facility = 社区卫生中心 卫生服务中心 社区卫生服务站 卫生服务站
义诊 event = 义诊活动 健康义诊 ; 量血压 测血糖
健康促进 term = 健康宣教 健康讲座 健康科普 健康知识 健康自我管理 ; 慢性病 高血压 糖尿病
控烟 programme = 无烟 禁烟 控烟宣传 无烟单位 无烟环境 ; 吸烟
献血 term = 无偿献血 献血活动 ; 血液
心理健康 term = 心理疏导 心理咨询 心理服务
帮困 term = 帮困救助 扶贫帮困 困难群众帮扶 帮困送温暖 帮困助学 结对帮困 ; 困难群众 困难家庭 困难对象 生活困难
社会救助 term = 低保 最低生活保障 临时救助 救助帮扶 ; 低保户 救助金
助残 term = 扶残助残 残疾人服务 助残服务 助残日 全国助残日 ; 残疾人 残联 残疾
阳光之家 facility = 阳光基地 阳光心园
慈善 term = 慈善超市 慈善义卖 蓝天下的至爱 一日捐 慈善募捐 慈善捐赠 慈善活动 ; 义卖 善款 捐款 捐赠
红十字 body = 红十字会 红十字博爱周 博爱周
社区治理 term = 基层治理 基层社会治理 社会治理 社区治理创新 治理创新 社区共治 ; 共建共治共享
居民自治 term = 社区自治 自治共治 自治项目 居民自治项目 自治金 自治工作 居民议事 议事会 居民区自治 自治家园 自治团队 居民议事会 ; 楼组长 三会制度 议事厅 协商议事 民主协商
楼组建设 programme = 靠谱楼组 楼组自治 美丽楼组 美丽楼道 楼组建设工作 ; 楼组 楼道
15分钟社区生活圈 programme = 15分钟生活圈 15分钟社区美好生活圈 十五分钟社区生活圈 社区生活圈 15分钟便民生活圈 社区美好生活圈
党群服务中心 facility = 党群服务站 党群服务阵地 社区党群服务中心 党群中心 党群服务点 党群阵地 党群服务 ; 党群服务带
邻里汇 facility = 社区邻里汇
邻里中心 facility = 社区邻里中心 睦邻中心
睦邻点 facility = 睦邻家园
家门口服务站 facility = 家门口服务 家门口服务体系 家门口服务中心
市民驿站 facility = 市民服务驿站
社区学校 facility = 市民学校 社区学院
社区文化活动中心 facility = 文化活动中心 社区文化中心 文化活动室 社区文化事务中心
社区工作者 term = 社区工作者队伍
网格化管理 term = 网格化 网格化治理 网格管理 ; 网格员 网格长
邻里节 event
社区规划 term = 社区规划师 参与式规划
社区微更新 programme = 微更新 微改造 社区营造 ; 微空间
菜市场 facility = 标准化菜市场 农贸市场 菜场 社区菜场 ; 买菜
早餐工程 programme = 便民早餐 早餐车 早餐点 早餐 ; 煎饼 油条 豆浆 包子
社会组织 term = 社会组织服务中心 社会组织参与社区治理 社区社会组织 公益组织 ; 社工机构
公益伙伴日 event = 公益伙伴月 上海公益伙伴日
人口普查 programme = 第七次全国人口普查 七普 人口普查工作 全国人口普查 ; 普查员 普查
经济普查 programme = 全国经济普查 第五次全国经济普查
政府开放日 event = 政府开放月
人民建议征集 programme = 人民建议 建议征集
文明城区 programme = 创城 创全 全国文明城区 文明城区创建 创建全国文明城区 全国文明城市 文明城市 文明创建 创建文明城区 全国文明典范城区 文明典范城区 典范城区 文明城区建设 创评 文明城区创建工作 创建全国文明典范城区 全国文明城区创建 创建文明城市 文明城市创建 创城迎检 创评迎检 巩固全国文明城区 ; 测评 点位 迎检 文明指数 城市文明指数 文明创建工作 创建氛围
精神文明建设 term = 精神文明 精神文明创建
新时代文明实践 programme = 文明实践 新时代文明实践站 新时代文明实践中心 新时代文明实践分中心 文明实践站 文明实践所 新时代文明实践所 文明实践阵地
文明单位 term = 文明单位创建 市级文明单位
志愿服务 term = 志愿者 志愿者服务 志愿活动 志愿服务活动 志愿者服务队 志愿服务队 志愿者队伍 志愿服务队伍 志愿服务项目 志愿力量 青年志愿者 党员志愿者 ; 招募 志愿者马甲 服务队
学雷锋 event = 学雷锋活动 雷锋精神 学雷锋日 学雷锋志愿服务 学雷锋纪念日
非遗 term = 非物质文化遗产 非遗文化 非遗传承 非遗项目 非遗传承人 ; 传承人
群众文化 term = 群文 群众文化活动 群文活动 群众文艺 群众文化团队 文艺团队 ; 文艺演出 演出 文艺汇演 展演
全民阅读 programme = 阅读推广 读书会 书香社区 读书活动 读书节 ; 图书馆 阅读 书籍
科普 term = 科普活动 科普宣传 科普周 科技周 全国科普日 科普日 科普教育 ; 科学
全民健身 programme = 全民健身运动 全民健身日 全民健身活动 健身活动 体育健身 群众体育 市民健身 ; 健身 健身步道 百姓健身房 市民健身驿站 广场舞 太极拳 健步走 球场
市民运动会 event = 运动会 趣味运动会
最美家庭 programme = 文明家庭 五好家庭 最美家庭评选
家风家训 term = 家风 家训 良好家风 好家风
道德模范 term = 好人好事 身边好人 上海好人 中国好人 最美人物 ; 好人
江南文化 term = 江南文化品牌
红色文化 term = 红色资源 红色教育 红色基因 ; 革命
春节 event = 新春 迎新春 春节期间 过年 新年 年味 农历新年 春节前夕 新春佳节 ; 春联 福字 年夜饭 拜年 写春联 送春联 年货
元宵节 event = 元宵 闹元宵 元宵佳节 ; 灯谜 汤圆 花灯
端午节 event = 端午 端午佳节 ; 粽子 包粽子
中秋节 event = 中秋 中秋佳节 ; 月饼
清明节 event = 清明 文明祭扫 ; 祭扫
国庆节 event = 国庆 国庆期间 ; 国旗
三八妇女节 event = 三八节 妇女节 国际劳动妇女节 三八国际妇女节
母亲节 event
六一儿童节 event = 儿童节 六一 六一国际儿童节
农民丰收节 event = 中国农民丰收节 丰收节 ; 丰收 农产品 稻谷 展销
进博会 event = 中国国际进口博览会 进口博览会 进博会保障 进博会服务保障 ; 城市保障 安保
读书日 event = 世界读书日 世界读书日活动
人大代表 body = 人大代表工作 代表履职 人大代表履职 镇人大代表 区人大代表 市人大代表 市代表 人大代表们 ; 选民 代表建议 履职 代表议案 接待选民 代表接待日 人大代表接待日
人大代表之家 facility = 代表之家 人大代表联络站 代表联络站 人大代表工作站 代表工作站 人大代表家站点 家站点 人大代表联系点 代表联系点
集中联系社区 programme = 人大代表集中联系社区 代表集中联系社区 集中联系社区活动 联系社区活动 市代表集中联系社区 市人大代表集中联系社区
人代会 event = 人民代表大会 镇人代会 镇人民代表大会 人代会会议
换届选举 programme = 人大代表选举 人大换届选举 换届 人大代表换届选举 居委会换届选举 村委会换届选举 ; 选民登记 候选人 投票 监票人 选举办法 计票
全过程人民民主 term = 全过程民主 全过程人民民主基层实践
政协委员 body = 政协 政协委员履职
党代会 event = 党员代表大会 党代表大会 党员代表会议 党代表会议 镇党代会 代表大会 ; 党代表 大会代表
党建引领 term = 党建引领基层治理 党建引领社区治理 ; 党建 党员 党组织 党支部
基层党建 term = 基层党建工作 基层党组织建设 党组织建设
区域化党建 programme = 区域化党建联建 党建联建 区域党建 ; 共建单位 联建
两新党建 programme = 两新组织 两新组织党建 楼宇党建 园区党建 新兴领域党建 ; 两新 楼宇
在职党员 programme = 双报到 在职党员双报到 党员双报到 在职党员进社区 ; 报到
党史学习教育 programme = 党史教育 四史学习教育 四史 党史学习 ; 党史
主题教育 programme = 主题教育活动 不忘初心牢记使命主题教育 学习贯彻习近平新时代中国特色社会主义思想主题教育
述职评议 term = 书记述职 述职测评 述职评议会 述职 述职考评 ; 评议
党风廉政建设 term = 廉政 廉洁 清廉 廉政教育 清廉建设 廉洁文化 廉政建设 ; 纪委 警示教育
大调研 programme = 大调研工作 ; 走访
组团式走访 programme = 组团走访 组团式联系服务群众
妇联 body = 妇女工作 妇女之家 巾帼 妇女代表大会 ; 妇女
工会 body = 职工之家 工会工作 职工代表大会 职代会 ; 职工
共青团 body = 团委 团员 青年突击队 ; 青年
退役军人 term = 退役军人服务站 退役军人服务 退役军人事务 退役军人服务中心 ; 老兵
双拥 programme = 拥军优属 双拥共建 拥军 双拥工作 军民共建 ; 军属 优抚
征兵 programme = 征兵宣传 兵役登记 征兵工作 应征入伍 ; 入伍
国防教育 programme = 全民国防教育 国防教育日
侨务 term = 侨联 归侨侨眷 侨眷 ; 华侨
民族团结 term = 少数民族 民族工作
统战 term = 统一战线 统战工作 新的社会阶层 ; 党外人士
民生实事 programme = 民生实事项目 为民办实事 实事项目 市政府实事项目 区政府实事项目 政府实事项目 为民办实事项目 办实事 我为群众办实事 ; 实事
代表票决制 programme = 民生实事项目人大代表票决制 人大代表票决制 票决制
营商环境 term = 优化营商环境 营商环境优化 ; 企业服务 服务企业 助企
招商引资 term = 招商 安商稳商 招商稳商 安商 引商 ; 招商引资项目 落户
集体经济 term = 村级集体经济 农村集体经济 集体经济组织 镇级集体经济 经济联合社 集体企业 ; 集体资产 分红
就业 term = 稳就业 就业服务 就业援助 促进就业 就业帮扶 就业招聘 招聘会 就业创业 ; 岗位 求职 招聘 用工
创业 term = 创新创业 创业带动就业 创业孵化 ; 创业者
人才 term = 人才工作 人才服务 引才 ; 人才公寓
农业 term = 现代农业 农业生产 粮食生产 都市农业 ; 水稻 蔬菜 农机 种植
建设用地减量化 programme = 土地减量化 减量化工作
科技创新 term = 科创 创新驱动 ; 专利
暑托班 programme = 爱心暑托班 暑期托管 暑期托管班 小学生爱心暑托班
未成年人保护 term = 未保 未成年人保护工作 未成年人保护站 ; 未成年人
托育 term = 托育服务 宝宝屋 社区托育 普惠托育 ; 婴幼儿
家庭教育 term = 家庭教育指导 家长学校 亲子教育 ; 亲子
对口支援 programme = 对口帮扶 东西部协作 消费帮扶 对口支援工作 援疆 援藏 援滇 援黔 ; 结对帮扶
长三角一体化 term = 长三角一体化发展 长三角
长者运动健康之家 facility = 长者健康运动之家
数字化转型 term = 城市数字化转型 数字化转型工作 ; 数字化 智慧社区 数字孪生
医保 term = 医疗保险 城乡居民医保 医保服务
社保 term = 社会保障 社会保险 养老保险
保障房 term = 保障性住房 保障性租赁住房 公租房 廉租房
共享单车 term = 共享单车管理 共享单车治理 ; 单车
架空线入地 programme = 架空线入地和合杆整治 合杆整治 架空线整治
道路改造 term = 道路整治 道路提升 道路大修 道路改建
积水点改造 programme = 易积水点改造 积水点 ; 积水
污水纳管 programme = 截污纳管 污水纳管工程
海绵城市 term = 海绵城市建设
建筑垃圾 term = 装修垃圾 建筑垃圾清运 大件垃圾
文明养犬 term = 养犬管理 文明养宠 犬只管理 ; 养犬 犬只 遛狗
防溺水 term = 预防溺水 防溺水安全教育 ; 溺水
网络安全 term = 网络安全宣传周
国家安全 term = 国家安全教育日 全民国家安全教育日
防灾减灾 term = 防灾减灾日 全国防灾减灾日 综合减灾 ; 地震
社区矫正 term = 社区矫正对象 社区矫正工作
烟花爆竹禁放 programme = 烟花爆竹 禁燃禁放 禁放烟花爆竹 烟花爆竹安全管理
健康体检 term = 老年人体检 免费体检 体检服务 ; 体检
癌症筛查 programme = 大肠癌筛查 癌症早筛 筛查
慢病管理 term = 慢性病管理 慢病
中医药 term = 中医 中医药服务 中医药文化 ; 针灸 推拿
助浴 programme = 老年助浴 助浴服务
养老顾问 facility = 养老顾问点
时间银行 programme = 志愿服务时间银行
社区基金会 body = 社区基金
社区事务受理服务中心 facility = 社区事务受理中心 受理中心
新就业群体 term = 新就业形态劳动者 快递小哥 外卖骑手 快递员 ; 骑手
爱心驿站 facility = 户外职工爱心驿站 户外职工驿站 暖心驿站
移风易俗 term = 文明婚俗 婚俗改革
光盘行动 programme = 厉行节约 制止餐饮浪费 反对浪费
市民修身 programme = 市民修身行动 修身行动 修身
爱国主义教育 term = 爱国主义 爱国主义教育基地
烈士纪念日 event = 烈士纪念 缅怀先烈 祭扫烈士墓
建党纪念日 event = 七一 党的生日
劳动节 event = 五一劳动节 五一 国际劳动节
腊八节 event = 腊八
植树节 event = 义务植树 植树活动 ; 植树
书画 term = 书画展 书画活动 书法展 书画作品 ; 书法 毛笔 绘画
摄影 term = 摄影展 摄影作品
公益电影 term = 露天电影 电影放映 公益电影放映
戏曲 term = 沪剧 越剧 京剧 评弹 戏曲进社区 ; 唱段
图书馆 facility = 社区图书馆 图书分馆
民俗 term = 民俗文化 民俗活动 年俗
政务公开 term = 政务公开日
基层立法联系点 facility = 立法联系点 基层立法联系点建设
巡察 term = 巡察工作 巡察整改
老干部 term = 离退休干部 老干部工作
关工委 body = 关心下一代工作委员会 关心下一代
村务公开 term = 村务 村务监督
三资管理 term = 农村三资 集体三资
乡村治理 term = 村级治理
农村综合帮扶 programme = 综合帮扶
合作社 body = 农民专业合作社 专业合作社 ; 种粮大户
家庭农场 term
高标准农田 programme = 高标准农田建设
农忙 term = 春耕 春耕备耕 三夏 三秋 夏收夏种 秋收秋种 ; 收割 播种
楼宇经济 term
促消费 term = 消费季 五五购物节
夜间经济 term = 夜经济 夜市
专精特新 term = 专精特新企业
劳动关系 term = 和谐劳动关系 劳动争议 劳资纠纷 ; 欠薪
职业技能培训 term = 技能培训 职业培训 ; 技能
课后服务 term = 课后托管 课后看护
研学 term = 研学活动 研学之旅
两会 event = 全国两会 市两会 区两会
党的二十大 term = 二十大 二十大精神 党的二十大精神 学习贯彻党的二十大精神
城中村改造 programme = 城中村 城中村改造项目
郊野公园 facility
绿道 facility = 健康绿道 城市绿道 滨河绿道
一江一河 programme = 滨水空间 一江一河滨水空间
公共厕所 facility = 公厕 公共卫生间 公厕改造
无障碍 term = 无障碍设施 无障碍环境建设 无障碍改造
老年协会 body = 老年人协会 老龄协会
见义勇为 term = 见义勇为者
花博会 event = 中国花卉博览会 第十届中国花卉博览会 花博
市民文化节 event = 上海市民文化节
旅游节 event = 上海旅游节
教师节 event
护士节 event = 国际护士节
建军节 event = 八一建军节
五四青年节 event = 青年节 五四
世界环境日 event = 六五环境日 环境日
防暑降温 term = 防暑 高温慰问 送清凉 夏季送清凉 高温天气 ; 高温 中暑
防寒防冻 term = 寒潮 低温雨雪冰冻 防冻 低温雨雪 ; 冰冻 道路结冰
老字号 term = 中华老字号
菜篮子 programme = 菜篮子工程
住宅小区 word
文化艺术 word
专项整治 word
"""


def parse(text):
    for line in text.strip().splitlines():
        head, _, cues = line.partition(";")
        head, _, variants = head.partition("=")
        name, kind = head.split()
        yield name, kind, variants.split(), cues.split()


def seed(apps, schema_editor):
    VocabularyWord = apps.get_model("articles", "VocabularyWord")
    TopicCue = apps.get_model("articles", "TopicCue")
    topics = list(parse(TOPICS))
    kinds = {}
    for name, kind, variants, cues in topics:
        plain = kind == "word"
        for word in (name, *variants):
            kinds[word] = "term" if plain else kind
        for cue in cues:
            kinds.setdefault(cue, "term")
    existing = {w.word: w for w in VocabularyWord.objects.filter(word__in=list(kinds))}
    VocabularyWord.objects.bulk_create([VocabularyWord(word=w, kind=k, source="seed")
                                        for w, k in kinds.items() if w not in existing])
    rows = {w.word: w for w in VocabularyWord.objects.filter(word__in=list(kinds))}
    ours = {w for w in kinds if w not in existing or existing[w].source == "seed"}
    changed = []
    for name, kind, variants, _cues in topics:
        topic = rows[name]
        if name in ours:
            topic.kind, topic.is_topic, topic.preferred = kinds[name], kind != "word", None
            changed.append(topic)
        for variant in variants:
            if variant in ours:
                row = rows[variant]
                row.kind, row.is_topic, row.preferred = kinds[variant], False, topic
                changed.append(row)
    VocabularyWord.objects.bulk_update(changed, ["kind", "is_topic", "preferred"])
    # A seeded word that became a variant takes its own synonyms along (基层治理's, into 社区治理).
    for name, _kind, variants, _cues in topics:
        VocabularyWord.objects.filter(preferred__word__in=[v for v in variants if v in ours]).update(
            preferred=rows[name])
    TopicCue.objects.bulk_create([TopicCue(topic=rows[name], word=cue, source="seed")
                                  for name, kind, variants, cues in topics for cue in cues],
                                 ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_topic_vocabulary")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
