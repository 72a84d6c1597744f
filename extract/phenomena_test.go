package extract

import "testing"

// Table tests for the phenomena checklist (../shared/spec/phenomena.md),
// sections A–H and J, with expectations fixed by the figure contract
// (../shared/spec/figures.md). The trailing comment of each case is the
// checklist item it covers. The sentences are constructed in the style of
// government reports; where the contract is silent the expectation is the
// one a demanding user would hold, and a comment says so.
//
// Choices made where the contract is silent:
//   - Precision (46.60 vs 46.6) is not part of describe's form; item 10 only
//     checks the value.
//   - A loss (亏损1.5亿元) is a positive money level without a change.
//   - 负增长 gives the magnitude with change down (like 下降), not a negative value.
//   - "提高到/扩大到/达到 X" names the level reached, so no change is set.
//   - 增长2.5倍 is a multiple 2.5 with change up; the ×3.5 reading is left to consumers.
//   - Vague ranges (两三百, 十几, 数十, 几百, 二三十) carry value..value_max and approx;
//     数十 is 10..90 and 几百 100..900, the same reading as 十几 → 11..19.
//   - 多/余 after a number give approx only (the contract's bound list lacks them).
//   - 与上年持平 has no printed number and no determinable unit: no figure.
//   - Per-unit prices other than kWh/亩 follow the same pattern: CNY/t, CNY/m2, CNY/m3.
//   - A per-day rate adds /day (as a per-year rate adds /yr); a speed is km/h.
//   - 度 outside an electricity context (temperature) is no figure: the
//     contract has no temperature unit.
//   - Per-capita ratios (每万人口拥有发明专利28件) keep the count as written.

func TestPhenomenaA_Normalisation(t *testing.T) {
	cases := []figureCase{
		{"全年实现地方税收２７．８亿元，较上年有所增长。", []string{"money 2780000000 CNY"}},                             // 1
		{"规模以上工业增加值同比增长９．６％。", []string{"percent 9.6 % up"}},                                      // 1
		{"下达专项资金２，４５６．７８万元。", []string{"money 24567800 CNY"}},                                     // 1
		{"全市共有高新技术企业１２８６家。", []string{"count 1286 家"}},                                            // 1
		{"城镇调查失业率为５．１％，低于控制目标。", []string{"percent 5.1 %"}},                                       // 1
		{"居民消费价格上涨１．８ ％。", []string{"percent 1.8 % up"}},                                          // 1
		{"全区地区生产总值达到2,345.67亿元。", []string{"money 234567000000 CNY"}},                             // 2
		{"农村居民人均可支配收入46，512.00元。", []string{"money 46512 CNY"}},                                   // 2
		{"全年共接待游客12, 345, 678人次。", []string{"count 12345678 人次"}},                                 // 2
		{"实现进出口总额1,024.5亿美元。", []string{"money 102450000000 USD"}},                                // 2
		{"已完成1, 2, 3号楼主体结构封顶。", nil},                                                              // 2
		{"项目总投资58.3 亿元。", []string{"money 5830000000 CNY"}},                                       // 3
		{"总 投 资 420 亿 元 。", []string{"money 42000000000 CNY"}},                                    // 3
		{"比上年提高 4.7 个 百 分 点 。", []string{"ppt 4.7 pp up"}},                                        // 3
		{"完成投资 12.6 亿 元 ， 同 比 增 长 8.4 % 。", []string{"money 1260000000 CNY", "percent 8.4 % up"}}, // 3
		{"项目总投资560 亿\n元。", []string{"money 56000000000 CNY"}},                                     // 3
		{"完成投资46. 6亿元。", []string{"money 4660000000 CNY"}},                                        // 3
		{"全年完成投资37.\n5亿元。", []string{"money 3750000000 CNY"}},                                     // 4
		{"全年完成投资37.5亿\n元。", []string{"money 3750000000 CNY"}},                                     // 4
		{"项目总投资\n320亿元。", []string{"money 32000000000 CNY"}},                                      // 4
		{"社会消费品零售总额同比增长12.\n4%。", []string{"percent 12.4 % up"}},                                  // 4
		{"比上年提高2.3个百\n分点。", []string{"ppt 2.3 pp up"}},                                            // 4
		{"全年新增城镇就业\n1.3万人。", []string{"count 13000 人"}},                                           // 4
		{"2.2本计划投资2816.35万元2.3本项目建设地点位于高新区。", []string{"money 28163500 CNY"}},                     // 5
		{"（一）投资15亿元建设数据中心。", []string{"money 1500000000 CNY"}},                                    // 5
		{"3.1项目总投资4.2亿元3.2资金来源为企业自筹。", []string{"money 420000000 CNY"}},                           // 5
		{"二、完成固定资产投资86亿元。", []string{"money 8600000000 CNY"}},                                     // 5
		{"1.建成标准化厂房12万平方米。", []string{"quantity 120000 m2"}},                                      // 5
		{"合同金额为人民币叁仟伍佰万元整。", []string{"money 35000000 CNY"}},                                      // 6
		{"計劃投資6.8億元興建廠房。", []string{"money 680000000 CNY"}},                                       // 6
		{"撥付專項資金兩千萬元。", []string{"money 20000000 CNY"}},                                           // 6
		{"中标金额人民币壹佰贰拾叁万肆仟元整。", []string{"money 1234000 CNY"}},                                     // 6
		{"居民人均可支配收入4.2萬元。", []string{"money 42000 CNY"}},                                          // 6
		{"總投資約3.6億元。", []string{"money 360000000 CNY approx"}},                                    // 6
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaB_NumberForms(t *testing.T) {
	cases := []figureCase{
		{"全年实现营业收入五千万元。", []string{"money 50000000 CNY"}},                           // 7
		{"签约项目一百三十六个，总投资四百二十亿元。", []string{"count 136 个", "money 42000000000 CNY"}}, // 7
		{"完成投资三亿七千八百万元。", []string{"money 378000000 CNY"}},                          // 7
		{"新增就业岗位一万二千个。", []string{"count 12000 个"}},                                 // 7
		{"累计培训农民工八千六百人次。", []string{"count 8600 人次"}},                               // 7
		{"全年举办招聘活动860场次。", []string{"count 860 场次"}},
		{"全市建成创新平台十二个。", []string{"count 12 个"}},                                        // 7
		{"全年完成固定资产投资2.3万亿元。", []string{"money 2300000000000 CNY"}},                      // 8
		{"营业收入突破3千亿元。", []string{"money 300000000000 CNY min"}},                         // 8
		{"下达补助资金5126.08万元。", []string{"money 51260800 CNY"}},                            // 8
		{"各项存款余额达1.05万亿元。", []string{"money 1050000000000 CNY"}},                        // 8
		{"带动社会投资近2千亿元。", []string{"money 200000000000 CNY approx"}},                     // 8
		{"新增城镇就业5万6000人。", []string{"count 56000 人"}},                                   // 9
		{"安排奖补资金1千零50万元。", []string{"money 10500000 CNY"}},                              // 9
		{"培训技能人才2万3千人次。", []string{"count 23000 人次"}},                                   // 9
		{"完成投资3亿5000万元。", []string{"money 350000000 CNY"}},                              // 9
		{"引进各类人才1万2千余名。", []string{"count 12000 名 approx"}},                             // 9
		{"完成投资46.50亿元。", []string{"money 4650000000 CNY"}},                              // 10
		{"地区生产总值同比增长6.0%。", []string{"percent 6 % up"}},                                 // 10
		{"高技术产业占比为20.00%。", []string{"percent 20 %"}},                                   // 10
		{"人均可支配收入3.800万元。", []string{"money 38000 CNY"}},                                // 10
		{"三分之二的企业实现盈利。", []string{"percent 66.6666666667 %"}},                           // 11
		{"安全事故率控制在千分之三以内。", []string{"percent 0.3 % max"}},                              // 11
		{"不良贷款率为万分之五。", []string{"percent 0.05 %"}},                                     // 11
		{"五分之一的耕地实现高标准改造。", []string{"percent 20 %"}},                                   // 11
		{"人口自然增长率为3.2‰。", []string{"percent 0.32 %"}},                                   // 11
		{"物价涨幅为百分之零点五。", []string{"percent 0.5 % up"}},                                  // 11
		{"超过四分之一的村集体经济收入超过10万元。", []string{"percent 25 % min", "money 100000 CNY min"}}, // 11
		{"企业利润总额-3.6亿元。", []string{"money -360000000 CNY"}},                             // 12
		{"净利润为-0.85亿元。", []string{"money -85000000 CNY"}},                               // 12
		{"一季度工业投资负增长4.3%。", []string{"percent 4.3 % down"}},                             // 12 负增长: magnitude, change down
		{"全年亏损2.4亿元。", []string{"money 240000000 CNY"}},                                 // 12 a loss is a positive level
		{"民间投资增速为-2.7%。", []string{"percent -2.7 % down"}},                              // 12
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaC_Money(t *testing.T) {
	cases := []figureCase{
		{"完成固定资产投资58.2亿元。", []string{"money 5820000000 CNY"}},                                             // 13
		{"农村居民人均可支配收入1.86万元。", []string{"money 18600 CNY"}},                                               // 13
		{"签订合同金额9亿元人民币。", []string{"money 900000000 CNY"}},                                                // 13
		{"获得银行人民币6亿元授信。", []string{"money 600000000 CNY"}},                                                // 13
		{"发放稳岗奖励资金850万元。", []string{"money 8500000 CNY"}},                                                 // 13
		{"项目总投资25亿，主要建设研发中心。", []string{"money 2500000000 CNY"}},                                          // 14
		{"全区工业营收超千亿。", []string{"money 100000000000 CNY min"}},                                            // 14
		{"全年实现税收12.6亿。", []string{"money 1260000000 CNY"}},                                                // 14
		{"新增贷款350万，用于技术改造。", []string{"money 3500000 CNY"}},                                               // 14
		{"全市工业总产值突破500亿。", []string{"money 50000000000 CNY min"}},                                         // 14
		{"项目总投资30亿-50亿。", []string{"money 3000000000..5000000000 CNY"}},                                   // 14
		{"招商引资到位资金（亿元）18.6", []string{"money 1860000000 CNY"}},                                            // 15
		{"一般公共预算收入（万元）3562.5", []string{"money 35625000 CNY"}},                                            // 15
		{"出口总额（亿美元）6.5", []string{"money 650000000 USD"}},                                                 // 15
		{"单位：万元\n固定资产投资\t4280", []string{"money 42800000 CNY"}},                                           // 15
		{"单位：亿元\n指标\t数值\n税收收入\t12.4\n非税收入\t3.1", []string{"money 1240000000 CNY", "money 310000000 CNY"}}, // 15
		{"实现出口额15.8亿美元。", []string{"money 1580000000 USD"}},                                               // 16
		{"投资20亿美元（约合人民币145亿元）。", []string{"money 2000000000 USD", "money 14500000000 CNY approx"}},        // 16
		{"引进港资港币6000万元。", []string{"money 60000000 HKD"}},                                                 // 16
		{"获得欧洲投资银行贷款3.2亿欧元。", []string{"money 320000000 EUR"}},                                            // 16
		{"实际使用外资4500万美元。", []string{"money 45000000 USD"}},                                                // 16
		{"在香港募集资金12亿港元。", []string{"money 1200000000 HKD"}},                                               // 16
		{"汽油价格每吨下调135元5角。", []string{"money 135.5 CNY/t down"}},                                           // 17 per-ton price, like CNY/kWh
		{"每立方米价格上调1元2角。", []string{"money 1.2 CNY/m3 up"}},                                                // 17 上调 is a rise
		{"物业收费标准为每平方米2元8角。", []string{"money 2.8 CNY/m2"}},                                                // 17
		{"居民生活用水价格为2元6角5分。", []string{"money 2.65 CNY"}},                                                  // 17
		{"公交票价统一为一元五角。", []string{"money 1.5 CNY"}},                                                       // 17
		{"上网电价每千瓦时0.35元。", []string{"money 0.35 CNY/kWh"}},                                                // 18
		{"执行0.42元/千瓦时的标杆电价。", []string{"money 0.42 CNY/kWh"}},                                             // 18
		{"亩均税收达到28万元。", []string{"money 280000 CNY/亩"}},                                                   // 18
		{"补贴标准为每亩300元。", []string{"money 300 CNY/亩"}},                                                     // 18
		{"一般工商业电价0.58元/度。", []string{"money 0.58 CNY/kWh"}},                                               // 18
		// Older names of the metre, per-mille points, compound measure words.
		{"可蓄水二十三亿立方公尺。", []string{"quantity 2300000000 m3"}},
		{"出生率下降5个千分点。", []string{"ppt 0.5 pp down"}},
		{"开展检查2327项次。", []string{"count 2327 项次"}},
		// An amount right after 结余 (余 is a surname too), and 以上 before a
		// verb is a bound, before a class's noun a label.
		{"动用了历年财政结余十六亿五千万元。", []string{"money 1650000000 CNY"}},
		{"95%以上实行备案管理，对500万元以上新增项目开展评估。", []string{"percent 95 % min"}},
		// A middle dot as a decimal point (older typesetting); 5·12 names a day.
		{"增长19·5％，5·12地震后重建。", []string{"percent 19.5 % up"}},
		// Transport work with a dot, square metres by their older name, air
		// quality in Latin, decimal dots before a scale or 倍.
		{"货物周转量148.71亿吨·公里，住宅面积七千八百余万平方公尺，PM2.5浓度35μg/m3。", []string{"quantity 14871000000 tkm", "quantity 78000000 m2 approx", "quantity 35 μg/m3"}},
		{"钢产量达到2·3亿吨，增长3·5倍。", []string{"quantity 230000000 t", "multiple 3.5 x up"}},
		// Air quality in micrograms per cubic metre.
		{"全年细颗粒物（PM2.5）平均浓度30.4微克/立方米。", []string{"quantity 30.4 μg/m3"}},
		// 缩减, 压减 and 削减 are falls.
		{"沙化土地面积年均缩减近2000平方公里，一般性支出压减5%。", []string{"quantity 2000 km2 approx down", "percent 5 % down"}},
		// A rate of price rise names a rise.
		{"居民消费价格涨幅控制在3%左右，提价幅度超过20%。", []string{"percent 3 % approx up", "percent 20 % min up"}},
		// Transport work is tonne-km and passenger-km, not tonnes or people.
		{"全年货物周转量148.7亿吨公里，旅客周转量十二亿人公里。", []string{"quantity 14870000000 tkm", "quantity 1200000000 pkm"}},
		{"园区亩均产值超过500万元。", []string{"money 5000000 CNY/亩 min"}},                                     // 18
		{"一般公共预算收入比上年增加15亿元。", []string{"money 1500000000 CNY up"}},                                 // 19
		{"三公经费支出减少4.5亿元。", []string{"money 450000000 CNY down"}},                                    // 19
		{"全年税收收入达到96亿元。", []string{"money 9600000000 CNY"}},                                         // 19
		{"存款余额较年初增加320.5亿元。", []string{"money 32050000000 CNY up"}},                                 // 19
		{"各项贷款余额1860亿元，同比增加212亿元。", []string{"money 186000000000 CNY", "money 21200000000 CNY up"}}, // 19
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaD_PercentPointsMultiples(t *testing.T) {
	cases := []figureCase{
		{"全年地区生产总值增长7.3%。", []string{"percent 7.3 % up"}},                             // 20
		{"社会消费品零售总额增长百分之九点六。", []string{"percent 9.6 % up"}},                          // 20
		{"全社会研发投入强度达到2.85%。", []string{"percent 2.85 %"}},                             // 20
		{"常住人口城镇化率提高到百分之六十五。", []string{"percent 65 %"}},                              // 20 提高到: level
		{"森林覆盖率为百分之四十二点五。", []string{"percent 42.5 %"}},                               // 20
		{"比上年提高5.8个百分点。", []string{"ppt 5.8 pp up"}},                                  // 21
		{"工业投资增速回落1.6个百分点。", []string{"ppt 1.6 pp down"}},                             // 21
		{"进出口降幅收窄3.4个百分点。", []string{"ppt 3.4 pp up"}},                                // 21
		{"增速高于全国0.9个百分点。", []string{"ppt 0.9 pp"}},                                    // 21 a gap to a benchmark, not a change
		{"制造业投资占比下降两个百分点。", []string{"ppt 2 pp down"}},                                // 21
		{"规模以上工业增加值同比增长8.7%。", []string{"percent 8.7 % up"}},                          // 22
		{"主要原材料价格同比下降4.1%。", []string{"percent 4.1 % down"}},                          // 22
		{"居民消费价格环比回落0.3%。", []string{"percent 0.3 % down"}},                           // 22
		{"同比增长12.3%，增速比上年加快1.2个百分点。", []string{"percent 12.3 % up", "ppt 1.2 pp up"}}, // 22
		{"全年粮食产量与上年持平。", nil},                                                         // 22 no printed number, no unit
		{"外贸出口额负增长6%。", []string{"percent 6 % down"}},                                 // 22
		{"工业用电量环比上升2.4%。", []string{"percent 2.4 % up"}},                              // 22
		{"地区生产总值年均增长9%以上。", []string{"percent 9 % min up"}},                           // 23
		{"一般公共预算收入年均增长6.5%左右。", []string{"percent 6.5 % approx up"}},                  // 23
		{"研发经费年均增长不低于10%。", []string{"percent 10 % min up"}},                          // 23
		{"居民收入年均增长7.2%。", []string{"percent 7.2 % up"}},                               // 23
		{"研发投入占比提高到三成。", []string{"percent 30 %"}},                                    // 24 提高到: level
		{"超过六成的企业完成数字化改造。", []string{"percent 60 % min"}},                             // 24
		{"本地配套率达到四成半。", []string{"percent 45 %"}},                                     // 24
		{"近八成受访企业表示满意。", []string{"percent 80 % approx"}},                             // 24
		{"农产品加工产值增长两成。", []string{"percent 20 % up"}},                                 // 24
		{"高新区生产总值占全省的比重为28.4%。", []string{"percent 28.4 %"}},                          // 25
		{"数字经济占全市GDP的比重达到三成。", []string{"percent 30 %"}},                              // 25
		{"民营经济贡献了全区六成以上的税收。", []string{"percent 60 % min"}},                           // 25
		{"外贸进出口占全省总量的31.2%。", []string{"percent 31.2 %"}},                             // 25
		{"工业总产值是2015年的2.8倍。", []string{"multiple 2.8 x"}},                             // 26
		{"到2030年经济总量翻一番。", []string{"multiple 2 x"}},                                  // 26
		{"城乡居民收入翻两番。", []string{"multiple 4 x"}},                                      // 26
		{"外贸进出口总额翻了一番。", []string{"multiple 2 x"}},                                    // 26
		{"跨境电商出口额增长1.5倍。", []string{"multiple 1.5 x up"}},                             // 26 增长…倍: change up, ×2.5 left to consumers
		{"园区产值提前两年实现翻番。", []string{"duration 2 year", "multiple 2 x"}},                // 26
		{"产能扩大到原来的3倍。", []string{"multiple 3 x"}},                                     // 26 扩大到: level
		{"预计全年增长6%—8%。", []string{"percent 6..8 % up"}},                               // 27
		{"预计全年增长6-8%。", []string{"percent 6..8 % up"}},                                // 27
		{"预计全年增长7%左右。", []string{"percent 7 % approx up"}},                            // 27
		{"部分指标增速高出二三十个百分点。", []string{"ppt 20..30 pp approx"}},                        // 27 vague range: approx
		{"投资预计增长5%至7%。", []string{"percent 5..7 % up"}},                               // 27
		{"财政收入增长百分之四到五。", []string{"percent 4..5 % up"}},                              // 27
		{"增速提高1-2个百分点。", []string{"ppt 1..2 pp up"}},                                  // 27
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaE_ApproxBounds(t *testing.T) {
	cases := []figureCase{
		{"项目计划投资约45亿元。", []string{"money 4500000000 CNY approx"}},            // 28
		{"基地总投资60亿元左右。", []string{"money 6000000000 CNY approx"}},            // 28
		{"大约150家企业参展。", []string{"count 150 家 approx"}},                      // 28
		{"建成后年产值约为8.5亿元。", []string{"money 850000000 CNY approx"}},           // 28
		{"可带动就业3000人上下。", []string{"count 3000 人 approx"}},                   // 28
		{"总投资约3-5亿元。", []string{"money 300000000..500000000 CNY approx"}},    // 28
		{"争取上级资金近800万元。", []string{"money 8000000 CNY approx"}},              // 29
		{"将近三成的农户参加了合作社。", []string{"percent 30 % approx"}},                  // 29
		{"接近2000户家庭从中受益。", []string{"count 2000 户 approx"}},                  // 29
		{"受灾人口近12万人。", []string{"count 120000 人 approx"}},                    // 29
		{"全年利润总额超过120亿元。", []string{"money 12000000000 CNY min"}},            // 30
		{"单个项目计划投资6亿元以上。", []string{"money 600000000 CNY min"}},              // 30
		{"集团营业收入突破千亿元。", []string{"money 100000000000 CNY min"}},             // 30
		{"龙头企业年销售额逾百亿元。", []string{"money 10000000000 CNY approx min"}},      // 30
		{"每年培训农技人员不少于300人。", []string{"count 300 人 min"}},                    // 30
		{"单项出口额超500万美元。", []string{"money 5000000 USD min"}},                 // 30
		{"单体投资5亿元以上，力争年内开工。", []string{"money 500000000 CNY min"}},           // 30
		{"单个项目补助不足2万元。", []string{"money 20000 CNY max"}},                    // 31
		{"不良贷款率控制在2%以下。", []string{"percent 2 % max"}},                       // 31
		{"赤字率控制在3.5%以内。", []string{"percent 3.5 % max"}},                     // 31
		{"每户补贴不超过5000元。", []string{"money 5000 CNY max"}},                    // 31
		{"审批时限压缩至5个工作日以内。", []string{"duration 5 day max"}},                  // 31
		{"新增贷款4000多万元。", []string{"money 40000000 CNY approx"}},              // 32
		{"引进企业300余家。", []string{"count 300 家 approx"}},                       // 32
		{"撬动社会资本数十亿元。", []string{"money 1000000000..9000000000 CNY approx"}}, // 32
		{"实施十几个重点项目。", []string{"count 11..19 个 approx"}},                    // 32
		{"每年投入几百万元。", []string{"money 1000000..9000000 CNY approx"}},         // 32
		{"培训新型职业农民1000余人次。", []string{"count 1000 人次 approx"}},               // 32
		{"建设周期一年多。", []string{"duration 1 year approx"}},                     // 32
		{"每年安排经费两三百万元。", []string{"money 2000000..3000000 CNY approx"}},      // 33
		{"吸引三五家龙头企业入驻。", []string{"count 3..5 家 approx"}},                    // 33
		{"增速提高一两个百分点。", []string{"ppt 1..2 pp approx up"}},                   // 33
		{"预计建设周期三四年。", []string{"duration 3..4 year approx"}},                // 33
		{"每个村安排七八十万元。", []string{"money 700000..800000 CNY approx"}},         // 33
		{"全年税收收入达到8.6亿元。", []string{"money 860000000 CNY"}},                  // 34
		{"实现营收14亿元。", []string{"money 1400000000 CNY"}},                      // 34
		{"完成投资3.8亿元。", []string{"money 380000000 CNY"}},                      // 34
		{"累计完成投资126亿元。", []string{"money 12600000000 CNY"}},                  // 34
		{"高新技术企业规模达到1500家。", []string{"count 1500 家"}},                       // 34
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaF_Ranges(t *testing.T) {
	cases := []figureCase{
		{"计划投资4-6亿元。", []string{"money 400000000..600000000 CNY"}},                                                            // 35
		{"单个项目投资10至30亿元。", []string{"money 1000000000..3000000000 CNY"}},                                                      // 35
		{"每年安排一千到三千万元。", []string{"money 10000000..30000000 CNY"}},                                                            // 35
		{"项目工期为18—24个月。", []string{"duration 18..24 month"}},                                                                  // 35
		{"每家企业奖励5万~10万元。", []string{"money 50000..100000 CNY"}},                                                               // 35
		{"计划投资3亿-5亿元。", []string{"money 300000000..500000000 CNY"}},                                                           // 35
		{"每年新增规上企业10-15家。", []string{"count 10..15 家"}},                                                                       // 35
		{"投资额在6亿元至12亿元之间。", []string{"money 600000000..1200000000 CNY"}},                                                      // 36
		{"补助金额为5万元到20万元。", []string{"money 50000..200000 CNY"}},                                                               // 36
		{"用地规模在200亩至500亩之间。", []string{"quantity 200..500 mu"}},                                                               // 36
		{"增速在5%至6%之间。", []string{"percent 5..6 % up"}},                                                                        // 36
		{"可拉动投资八到九百亿元。", []string{"money 80000000000..90000000000 CNY"}},                                                      // 37
		{"达产后年产值六到七千万元。", []string{"money 60000000..70000000 CNY"}},                                                           // 37
		{"可带动就业三到五千人。", []string{"count 3000..5000 人"}},                                                                       // 37
		{"每年投入五至八百万元。", []string{"money 5000000..8000000 CNY"}},                                                               // 37
		{"高新区、经开区和综保区分别实现产值15、9、6亿元。", []string{"money 1500000000 CNY", "money 900000000 CNY", "money 600000000 CNY"}},        // 38
		{"三项收入分别为14亿元、9亿元和4亿元。", []string{"count 3 项", "money 1400000000 CNY", "money 900000000 CNY", "money 400000000 CNY"}}, // 38
		{"新建、改建道路分别为12.5公里和8公里。", []string{"quantity 12.5 km", "quantity 8 km"}},                                              // 38
		{"工业和服务业投资占比分别提高2.1、1.5和0.8个百分点。", []string{"ppt 2.1 pp up", "ppt 1.5 pp up", "ppt 0.8 pp up"}},                       // 38
		{"一、二、三产业增加值分别增长3.4%、6.1%和5.7%。", []string{"percent 3.4 % up", "percent 6.1 % up", "percent 5.7 % up"}},               // 39
		{"进口和出口分别下降2.3%和4.6%。", []string{"percent 2.3 % down", "percent 4.6 % down"}},                                         // 39
		{"城镇和农村居民人均可支配收入分别增长5.1%、7.2%。", []string{"percent 5.1 % up", "percent 7.2 % up"}},                                    // 39
		{"工业和服务业投资分别提高1.2个百分点和0.6个百分点。", []string{"ppt 1.2 pp up", "ppt 0.6 pp up"}},                                          // 39
		{"建设周期3-5年。", []string{"duration 3..5 year"}},                                                                         // 40
		{"2021-2023年累计投资85亿元。", []string{"money 8500000000 CNY"}},                                                             // 40 year range is a date
		{"2022—2024年新增就业3.6万人。", []string{"count 36000 人"}},                                                                   // 40 year range is a date
		{"项目建设期为2至3年。", []string{"duration 2..3 year"}},                                                                       // 40
		{"实施期限为三到五年。", []string{"duration 3..5 year"}},                                                                        // 40
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaG_Counts(t *testing.T) {
	cases := []figureCase{
		{"全年签约项目146个。", []string{"count 146 个"}},    // 41
		{"引进世界500强企业52家。", []string{"count 52 家"}},  // 41 500强 is a class label
		{"新增市场主体3120户。", []string{"count 3120 户"}},  // 41
		{"实施重点项目42项。", []string{"count 42 项"}},      // 41
		{"建成5G基站1500座。", []string{"count 1500 座"}},  // 41
		{"新增工业机器人860台套。", []string{"count 860 台套"}}, // 41
		{"全市32.8万台（套）农业机械全部完成检修。", []string{"count 328000 台套"}},
		{"投资、消费增速分别快于全国3.4个、1个百分点。", []string{"ppt 3.4 pp", "ppt 1 pp"}},
		{"坚持四项基本原则，坚持改革开放。", nil},
		{"工业增加值平均每年增长1 5 ．3 ％，累计完成近1 0 万亿元。", []string{"percent 15.3 % up", "money 10000000000000 CNY approx"}},
		{"总产量比上一年增产二千二百万吨，即百分之七点八；工业总产值平均每年递增百分之三十六点九。", []string{"quantity 22000000 t up", "percent 7.8 % up", "percent 36.9 % up"}},
		{"这个比重大约是百分之十七，重大项目约有六百个。", []string{"percent 17 % approx", "count 600 个 approx"}},
		{"产量四亿零七百多万吨，一亿一千四百多万吨，三千多万吨。", []string{"quantity 407000000 t approx", "quantity 114000000 t approx", "quantity 30000000 t approx"}},
		{"品种大约增加了两万四千种。", []string{"count 24000 种 approx up"}},
		{"市四届人大五次会议审查批准了预算，仔猪价格600元/头。", []string{"money 600 CNY/头"}},
		{"苏联贷款十四亿零六百万新卢布。", []string{"money 1406000000 SUR"}},
		{"上半年降幅比同期收窄2.2个百分点。", []string{"ppt 2.2 pp up"}},
		{"普惠小微企业贷款增幅超过40%，同期增速分别为3.3%、0.5%，6.5%左右的增速，人口自然增长率2.00‰。", []string{"percent 40 % min up", "percent 3.3 % up", "percent 0.5 % up", "percent 6.5 % approx up", "percent 0.2 %"}},
		{"调减玉米种植面积77万亩，增加水稻种植面积26万亩，增加到总面积960万亩。", []string{"quantity 770000 mu down", "quantity 260000 mu up", "quantity 9600000 mu"}},
		{"全面推行减税政策，全年降低企业税负3200多亿元，其中减免社保费1.1万亿元，减轻农民负担20亿元。", []string{"money 320000000000 CNY approx down", "money 1100000000000 CNY down", "money 2000000000 CNY down"}},
		{"全年GDP增长4%，快于2024年1.8个百分点，快于全国0.6个百分点。", []string{"percent 4 % up", "ppt 1.8 pp up", "ppt 0.6 pp"}},
		{"同比增长2%，比同期增速高0.8个百分点，比全省高0.3个百分点。", []string{"percent 2 % up", "ppt 0.8 pp up", "ppt 0.3 pp"}},
		{"引进高层次人才120名。", []string{"count 120 名"}}, // 41
		{"梳理重点产业链10大类。", []string{"count 10 类"}},  // 41
		{"全市六个园区全部通过考核。", []string{"count 6 个"}},  // 41 small Chinese count: a figure (optional in gold)
		{"召开一次专题会议研究部署。", nil},                                                 // 41 value 1 is not emitted
		{"新增城镇就业1.5万人。", []string{"count 15000 人"}},                            // 42
		{"全年接待游客860万人次。", []string{"count 8600000 人次"}},                        // 42
		{"集装箱吞吐量320万标箱。", []string{"quantity 3200000 TEU"}},                    // 42
		{"全年生产晶圆20万片。", []string{"count 200000 片"}},                            // 42
		{"常住人口达到1300.5万人。", []string{"count 13005000 人"}},                      // 42
		{"新开工亿元以上项目15个。", []string{"count 15 个"}},                              // 43
		{"规模以上工业增加值增长7.4%。", []string{"percent 7.4 % up"}},                     // 43
		{"加快打造千亿级产业集群。", nil},                                                  // 43
		{"建成万吨级码头3个。", []string{"count 3 个"}},                                  // 43
		{"成功入选全国百强县。", nil},                                                    // 43
		{"新签约10亿元以上工业项目23个。", []string{"count 23 个"}},                          // 43
		{"5000万元以上项目开工率为92%。", []string{"percent 92 %"}},                       // 43
		{"投资10亿元以上的项目有8个。", []string{"money 1000000000 CNY min", "count 8 个"}}, // 43 以上的 reads as a bound, as the dev gold reads 110千伏及以上的
		{"万元GDP能耗下降3.2%。", []string{"percent 3.2 % down"}},                     // 44
		{"每万人口拥有发明专利28件。", []string{"count 28 件"}},                             // 44 per-capita ratio: the count as written
		{"万元工业增加值用水量下降5%。", []string{"percent 5 % down"}},                      // 44
		{"每千人口拥有执业医师3.2人。", []string{"count 3.2 人"}},                           // 44
		{"单位GDP二氧化碳排放降低4.5%。", []string{"percent 4.5 % down"}},                 // 44
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaH_Quantities(t *testing.T) {
	cases := []figureCase{
		{"建设年产40GW高效光伏组件项目。", []string{"quantity 40 GW"}},                          // 45
		{"装机容量达到260万千瓦。", []string{"quantity 2600000 kW"}},                         // 45
		{"新增风电装机150兆瓦。", []string{"quantity 150 MW"}},                              // 45
		{"建设100MW农光互补电站。", []string{"quantity 100 MW"}},                            // 45
		{"新型储能规模达到2.5吉瓦。", []string{"quantity 2.5 GW"}},                            // 45
		{"年发电量15亿千瓦时。", []string{"quantity 1500000000 kWh"}},                       // 46
		{"全社会用电量4.2亿度。", []string{"quantity 420000000 kWh"}},                       // 46
		{"节约标准煤8万吨。", []string{"quantity 80000 t"}},                                // 46
		{"年发电量约3.2亿kWh。", []string{"quantity 320000000 kWh approx"}},               // 46
		{"最高气温达到38度。", nil},                                                        // 46 度 outside electricity: no contract unit
		{"建成220kV变电站3座。", []string{"quantity 220 kV", "count 3 座"}},                // 47
		{"±800千伏特高压直流输电工程开工。", []string{"quantity 800 kV"}},                        // 47
		{"新建110千伏线路45公里。", []string{"quantity 110 kV", "quantity 45 km"}},          // 47
		{"500kV输变电工程投资12亿元。", []string{"quantity 500 kV", "money 1200000000 CNY"}}, // 47
		{"形成年产能30万吨。", []string{"quantity 300000 t"}},                              // 48
		{"供水能力达到15万立方米/日。", []string{"quantity 150000 m3/day"}},                    // 48 per-day rate, like /yr, with the contract's duration word
		{"建设产能为80万吨/年的焦化项目。", []string{"quantity 800000 t/yr"}},                    // 48
		{"收购粮食185万公斤。", []string{"quantity 1850000 kg"}},                           // 48
		{"日处理污水5万立方米。", []string{"quantity 50000 m3"}},                             // 48
		{"项目占地1500亩。", []string{"quantity 1500 mu"}},                               // 49
		{"规划面积18.6平方公里。", []string{"quantity 18.6 km2"}},                           // 49
		{"总建筑面积4.2万㎡。", []string{"quantity 42000 m2"}},                             // 49
		{"新增造林面积3200公顷。", []string{"quantity 3200 ha"}},                            // 49
		{"改造老旧厂房12万平方米。", []string{"quantity 120000 m2"}},                          // 49
		{"新建城市道路14.5公里。", []string{"quantity 14.5 km"}},                            // 50
		{"设计时速350公里。", []string{"quantity 350 km/h"}},                              // 50 speed
		{"铺设雨污管网860米。", []string{"quantity 860 m"}},                                // 50
		{"高速公路通车里程达到6800千米。", []string{"quantity 6800 km"}},                        // 50
		{"建设设计时速120公里的城际铁路。", []string{"quantity 120 km/h"}},                       // 50 speed
	}
	runFigureCases(t, cases, false)
}

func TestPhenomenaJ_NotFigures(t *testing.T) {
	cases := []figureCase{
		{"2024年全市经济运行稳中向好。", nil},                                  // 59
		{"2023年12月召开企业家座谈会。", nil},                                 // 59
		{"《经济要闻》第15期。", nil},                                       // 59
		{"第三批国家级专精特新企业名单公布。", nil},                                 // 59
		{"二期工程已开工建设。", nil},                                        // 59
		{"第二十届投资贸易洽谈会开幕。", nil},                                    // 59
		{"一期项目投资20亿元。", []string{"money 2000000000 CNY"}},          // 59
		{"“十四五”时期累计投资1200亿元。", []string{"money 120000000000 CNY"}}, // 59
		{"二〇二四年全市经济稳中有进。", nil},                                    // 59
		{"根据国发〔2024〕7号文件精神。", nil},                                 // 60
		{"依据财税〔2018〕54号规定执行。", nil},                                // 60
		{"邮发代号52-118。", nil},                                       // 60
		{"ISSN 1671-2345。", nil},                                   // 60
		{"CN62-1105/F。", nil},                                      // 60
		{"陕政办发〔2023〕12号。", nil},                                    // 60
		{"加快推进5G网络建设。", nil},                                       // 61
		{"实现4/5G基站全覆盖。", nil},                                      // 61
		{"新款iPhone15在本地工厂下线。", nil},                                // 61
		{"C919大飞机配套项目落地。", nil},                                    // 61
		{"机关电脑升级为Win11系统。", nil},                                   // 61
		{"F-35战机零部件。", nil},                                        // 61
		{"推进5G+工业互联网融合应用。", nil},                                   // 61
		{"N95口罩日产能提升。", nil},                                       // 61
		{"统一社会信用代码91610131MA6U8XYZ3K。", nil},                       // 62
		{"咨询电话029-87654321。", nil},                                 // 62
		{"邮编710065。", nil},                                         // 62
		{"G65包茂高速改扩建工程。", nil},                                     // 62
		{"地铁5号线开通运营。", nil},                                        // 62
		{"8号楼主体封顶。", nil},                                          // 62
		{"一是加快项目建设，二是优化营商环境。", nil},                                // 62 list markers
		{"（三）强化要素保障。", nil},                                        // 62 list marker
		{"坚持统一规划、一体化推进。", nil},                                     // 63
		{"高质量共建一带一路。", nil},                                        // 63
		{"扎实做好三农工作。", nil},                                         // 63
		{"全国两会胜利召开。", nil},                                         // 63
		{"稳妥推进双碳工作。", nil},                                         // 63
		{"构建1+N政策体系。", nil},                                        // 63
		{"万众一心，千方百计稳增长。", nil},                                     // 63
		{"确保百分百完成任务。", nil},                                        // 63
		{"深入实施“三个一批”工程。", nil},                                     // 63
		{"创建国家AAAA级旅游景区。", nil},                                    // 64
		{"成功创建5A级景区。", nil},                                        // 64
		{"位列全国百强县第15位。", nil},                                      // 64
		{"前三季度经济运行平稳。", nil},                                       // 64
		{"荣获三星级绿色建筑标识。", nil},                                      // 64
		{"荣获省科技进步一等奖。", nil},                                       // 64
		{"综合实力排名全省第3位。", nil},                                      // 64
	}
	runFigureCases(t, cases, false)
}
